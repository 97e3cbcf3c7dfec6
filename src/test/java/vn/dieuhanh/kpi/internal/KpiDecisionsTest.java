package vn.dieuhanh.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dieuhanh.kpi.LedgerKind;
import vn.dieuhanh.kpi.SubjectKind;
import vn.dieuhanh.platform.DeployedDecisions;

/**
 * The analysts' KPI tables ({@code processes/kpi/kpi-weights.dmn}, {@code kpi-penalty.dmn}, {@code kpi-band.dmn},
 * {@code kpi-criterion-score.dmn}) as the application reads them, checked by what any version of them must do under
 * Decree 335/2025 rather than by a copy of their rows: an analyst's change of a number keeps the build green, a table
 * that breaks the scheme does not. A few worked examples of the shipped scheme (docs/kpi.md) pin the formula.
 */
class KpiDecisionsTest {

    static final Set<String> CRITERIA = Set.of(KpiRules.Penalty.QUANTITY, KpiRules.Penalty.QUALITY,
            KpiRules.Penalty.PROGRESS);
    /** Facts of the ledger that a table scores (a waiver only cancels another row). */
    static final Set<LedgerKind> FACTS = EnumSet.complementOf(EnumSet.of(LedgerKind.WAIVER));
    /** Facts that mean the item or report came later than it should have. */
    static final Set<LedgerKind> LATENESS = EnumSet.of(LedgerKind.LATE, LedgerKind.OVERDUE_AT_PERIOD_END,
            LedgerKind.REPORT_LATE);
    static final List<String> BANDS_WORST_FIRST = List.of("NOT_COMPLETED", "COMPLETED", "GOOD", "EXCELLENT");

    static KpiRules.Tables tables;

    @BeforeAll
    static void readTheShippedTables() throws IOException {
        tables = new KpiRules.Tables(read(KpiRules.WEIGHTS), read(KpiRules.PENALTY), read(KpiRules.BAND),
                read(KpiRules.CRITERION_SCORE));
    }

    // --- kpi-weights ----------------------------------------------------------------------------------------------

    @Test
    void theWeightsOfEverySubjectAddUpTo100AndNoneIsNegative() {
        for (SubjectKind kind : SubjectKind.values()) {
            KpiRules.Weights w = tables.weights(kind);
            assertThat(w.general().add(w.quantity()).add(w.quality()).add(w.progress())).as(kind.name())
                    .isEqualByComparingTo("100");
            assertThat(List.of(w.general(), w.quantity(), w.quality(), w.progress())).as(kind.name())
                    .allSatisfy(points -> assertThat(points).isNotNegative());
            // the task results carry most of the score (officials 70 of 100 under the decree)
            assertThat(w.quantity().add(w.quality()).add(w.progress())).as(kind.name()).isGreaterThan(w.general());
        }
    }

    // --- kpi-penalty ----------------------------------------------------------------------------------------------

    @Test
    void everyFactCostsAKnownCriterionAShareBetweenNothingAndAllOfIt() {
        for (SubjectKind kind : SubjectKind.values()) {
            for (LedgerKind fact : FACTS) {
                KpiRules.Penalty p = tables.penalty(kind, fact);
                String rule = fact + " of " + kind;
                assertThat(p.fraction()).as(rule).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
                if ("NONE".equals(p.criterion())) {
                    assertThat(p.fraction()).as(rule).isZero();
                } else {
                    assertThat(CRITERIA).as(rule).contains(p.criterion());
                }
            }
        }
    }

    @Test
    void workDoneOnTimeCostsNothingAndLatenessCostsProgress() {
        for (SubjectKind kind : SubjectKind.values()) {
            assertThat(tables.penalty(kind, LedgerKind.COMPLETED_ON_TIME).fraction()).as(kind.name()).isZero();
            for (LedgerKind late : LATENESS) {
                KpiRules.Penalty p = tables.penalty(kind, late);
                assertThat(p.criterion()).as(late + " of " + kind).isEqualTo(KpiRules.Penalty.PROGRESS);
                assertThat(p.fraction()).as(late + " of " + kind).isPositive();
            }
            // failing the quality review costs quality
            assertThat(tables.penalty(kind, LedgerKind.RETURNED).criterion()).isEqualTo(KpiRules.Penalty.QUALITY);
            assertThat(tables.penalty(kind, LedgerKind.RETURNED).fraction()).isPositive();
        }
    }

    @Test
    void aLaterSubmissionNeverScoresBetter() {
        for (SubjectKind kind : SubjectKind.values()) {
            BigDecimal onTime = total(kind, List.of(List.of(LedgerKind.COMPLETED_ON_TIME)));
            BigDecimal late = total(kind, List.of(List.of(LedgerKind.LATE, LedgerKind.COMPLETED_LATE)));
            BigDecimal stillOverdue = total(kind, List.of(List.of(LedgerKind.LATE,
                    LedgerKind.OVERDUE_AT_PERIOD_END)));
            assertThat(late).as(kind + ": completed late vs on time").isLessThan(onTime);
            assertThat(stillOverdue).as(kind + ": still overdue vs completed late").isLessThanOrEqualTo(late);
            // and among several items, one more late item never helps
            BigDecimal oneLate = total(kind, List.of(List.of(LedgerKind.COMPLETED_ON_TIME),
                    List.of(LedgerKind.LATE, LedgerKind.COMPLETED_LATE)));
            BigDecimal twoLate = total(kind, List.of(List.of(LedgerKind.LATE, LedgerKind.COMPLETED_LATE),
                    List.of(LedgerKind.LATE, LedgerKind.COMPLETED_LATE)));
            assertThat(twoLate).as(kind.name()).isLessThan(oneLate);
            assertThat(oneLate).as(kind.name()).isLessThan(total(kind, List.of(
                    List.of(LedgerKind.COMPLETED_ON_TIME), List.of(LedgerKind.COMPLETED_ON_TIME))));
        }
    }

    // --- kpi-criterion-score --------------------------------------------------------------------------------------

    @Test
    void aSubjectWithoutItemsKeepsEveryPointAndAScoreStaysWithinItsPoints() {
        for (String criterion : CRITERIA) {
            assertThat(tables.criterionScore(criterion, new BigDecimal("25"), List.of(), 0)).as(criterion)
                    .isEqualByComparingTo("25");
            // every item lost entirely, nothing completed: never below zero
            List<List<BigDecimal>> allLost = List.of(List.of(BigDecimal.ONE, BigDecimal.ONE), List.of(BigDecimal.ONE));
            assertThat(tables.criterionScore(criterion, new BigDecimal("25"), allLost, 0)).as(criterion)
                    .isEqualByComparingTo("0");
            // one item perfect: all the points (quantity when completed)
            assertThat(tables.criterionScore(criterion, new BigDecimal("25"), List.of(List.of()), 1)).as(criterion)
                    .isEqualByComparingTo("25");
        }
    }

    @Test
    void anItemLateTwiceIsOneLateItemAndAShareAboveOneCountsAsOne() {
        BigDecimal quarter = new BigDecimal("0.25");
        assertThat(tables.criterionScore(KpiRules.Penalty.PROGRESS, new BigDecimal("25"),
                List.of(List.of(quarter, quarter)), 1))
                .isEqualByComparingTo(tables.criterionScore(KpiRules.Penalty.PROGRESS, new BigDecimal("25"),
                        List.of(List.of(quarter)), 1));
        assertThat(tables.criterionScore(KpiRules.Penalty.QUALITY, new BigDecimal("25"),
                List.of(List.of(new BigDecimal("1.5")), List.of()), 2)).isEqualByComparingTo("12.50");
    }

    @Test
    void moreLostNeverScoresMore() {
        BigDecimal points = new BigDecimal("30");
        for (String criterion : CRITERIA) {
            BigDecimal previous = null;
            for (int lost = 0; lost <= 4; lost++) {
                List<List<BigDecimal>> items = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    items.add(i < lost ? List.of(new BigDecimal("0.25")) : List.of());
                }
                BigDecimal score = tables.criterionScore(criterion, points, items, 4);
                if (previous != null) {
                    assertThat(score).as(criterion + " with " + lost + " items penalised").isLessThan(previous);
                }
                previous = score;
            }
        }
    }

    /** docs/kpi.md section 3: an official, three items, s3 returned once, s4 late (waived or not), s10 on time. */
    @Test
    void theWorkedExampleOfTheDocumentation() {
        List<List<LedgerKind>> waived = List.of(
                List.of(LedgerKind.RETURNED, LedgerKind.COMPLETED_ON_TIME),
                List.of(LedgerKind.COMPLETED_LATE),
                List.of(LedgerKind.COMPLETED_ON_TIME));
        assertThat(score(SubjectKind.OFFICIAL, waived, KpiRules.Penalty.QUANTITY)).isEqualByComparingTo("20");
        assertThat(score(SubjectKind.OFFICIAL, waived, KpiRules.Penalty.QUALITY)).isEqualByComparingTo("22.92");
        assertThat(score(SubjectKind.OFFICIAL, waived, KpiRules.Penalty.PROGRESS)).isEqualByComparingTo("25");
        assertThat(total(SubjectKind.OFFICIAL, waived)).isEqualByComparingTo("97.92");
        assertThat(tables.band(new BigDecimal("97.92")).label()).isEqualTo("Hoàn thành xuất sắc nhiệm vụ");

        List<List<LedgerKind>> notWaived = List.of(waived.get(0),
                List.of(LedgerKind.LATE, LedgerKind.COMPLETED_LATE), waived.get(2));
        assertThat(score(SubjectKind.OFFICIAL, notWaived, KpiRules.Penalty.PROGRESS)).isEqualByComparingTo("22.92");
        assertThat(total(SubjectKind.OFFICIAL, notWaived)).isEqualByComparingTo("95.84");
    }

    /** Rounded half up to 2 decimals on the exact value: 25 - 25 / 250 * 0.25 = 24.975 -> 24.98. */
    @Test
    void aHalfIsRoundedUpOnTheExactValue() {
        List<List<BigDecimal>> items = new ArrayList<>();
        items.add(List.of(new BigDecimal("0.25")));
        for (int i = 1; i < 250; i++) {
            items.add(List.of());
        }
        assertThat(tables.criterionScore(KpiRules.Penalty.QUALITY, new BigDecimal("25"), items, 250))
                .isEqualByComparingTo("24.98");
        // quantity: 20 * 2 / 3 = 13.333... -> 13.33
        assertThat(tables.criterionScore(KpiRules.Penalty.QUANTITY, new BigDecimal("20"),
                List.of(List.of(), List.of(), List.of()), 2)).isEqualByComparingTo("13.33");
    }

    // --- kpi-band -------------------------------------------------------------------------------------------------

    @Test
    void bandsCoverZeroToHundredInOrder() {
        int previous = -1;
        for (int hundredths = 0; hundredths <= 10_000; hundredths += 5) {
            BigDecimal score = BigDecimal.valueOf(hundredths, 2);
            KpiRules.Band band = tables.band(score);
            assertThat(band.code()).as("band of " + score).isIn(BANDS_WORST_FIRST);
            assertThat(band.label()).as("label of " + score).isNotBlank();
            int rank = BANDS_WORST_FIRST.indexOf(band.code());
            assertThat(rank).as("a higher score never gets a worse band: " + score).isGreaterThanOrEqualTo(previous);
            previous = rank;
        }
        assertThat(tables.band(BigDecimal.ZERO).code()).isEqualTo("NOT_COMPLETED");
        assertThat(tables.band(new BigDecimal("100")).code()).isEqualTo("EXCELLENT");
    }

    @Test
    void theDecreesThresholdsAsWorkedExamples() {
        // >= 90 excellent, 70 to < 90 good, 50 to < 70 completed, < 50 not completed
        Map<String, String> examples = Map.of("90", "EXCELLENT", "89.99", "GOOD", "70", "GOOD", "69.99", "COMPLETED",
                "50", "COMPLETED", "49.99", "NOT_COMPLETED");
        examples.forEach((score, band) -> assertThat(tables.band(new BigDecimal(score)).code()).as(score)
                .isEqualTo(band));
    }

    // --- helpers: the plumbing KpiScoring does around the tables ----------------------------------------------------

    private static BigDecimal total(SubjectKind kind, List<List<LedgerKind>> items) {
        KpiRules.Weights w = tables.weights(kind);
        BigDecimal total = w.general();
        for (String criterion : CRITERIA) {
            total = total.add(score(kind, items, criterion));
        }
        return total;
    }

    /** Per item, the fractions its facts cost on the criterion; items with a completion count as completed. */
    private static BigDecimal score(SubjectKind kind, List<List<LedgerKind>> items, String criterion) {
        KpiRules.Weights w = tables.weights(kind);
        Map<String, BigDecimal> points = new HashMap<>(Map.of(KpiRules.Penalty.QUANTITY, w.quantity(),
                KpiRules.Penalty.QUALITY, w.quality(), KpiRules.Penalty.PROGRESS, w.progress()));
        List<List<BigDecimal>> fractions = new ArrayList<>();
        int completed = 0;
        for (List<LedgerKind> facts : items) {
            List<BigDecimal> item = new ArrayList<>();
            for (LedgerKind fact : facts) {
                KpiRules.Penalty p = tables.penalty(kind, fact);
                if (p.criterion().equals(criterion) && p.fraction().signum() > 0) {
                    item.add(p.fraction());
                }
            }
            if (facts.contains(LedgerKind.COMPLETED_ON_TIME) || facts.contains(LedgerKind.COMPLETED_LATE)) {
                completed++;
            }
            fractions.add(item);
        }
        return tables.criterionScore(criterion, points.get(criterion), fractions, completed);
    }

    private static org.camunda.bpm.dmn.engine.DmnDecision read(String key) throws IOException {
        try (InputStream dmn = KpiDecisionsTest.class.getClassLoader()
                .getResourceAsStream("processes/kpi/" + key + ".dmn")) {
            return DeployedDecisions.parse(key, dmn);
        }
    }
}
