package vn.dieuhanh.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.StatementCounter;
import vn.dieuhanh.kpi.LedgerKind;
import vn.dieuhanh.kpi.LedgerRow;
import vn.dieuhanh.kpi.Period;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Unit;

/**
 * The unit ranking ({@code GET /api/kpi/units}) reads the period's rows, their waivers and the units once, not once
 * per unit (issue 15: it made about 2 x 190 small queries per request). The test counts the statements the driver
 * sends for the ranking (deterministic, no timing) with 5 and with 40 units of facts: the same count. And the
 * ranking's scores are those of each unit scored alone ({@code GET /api/kpi/units/{code}}), waivers included.
 */
@PostgresIntegrationTest
class KpiRankingStatementsTest {

    // periods of their own, far from the ones other tests rank
    static final Period SMALL = Period.parse("2043-05");
    static final Period LARGE = Period.parse("2043-06");
    final String tag = "stmt-count-" + UUID.randomUUID();

    @Autowired
    KpiScoring scoring;
    @Autowired
    KpiLedger ledger;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeRows() {
        jdbc.sql("DELETE FROM kpi_ledger WHERE dedup_key LIKE ? AND kind = 'WAIVER'").param(tag + "%").update();
        jdbc.sql("DELETE FROM kpi_ledger WHERE dedup_key LIKE ?").param(tag + "%").update();
    }

    @Test
    void theUnitRankingCostsTheSameStatementsForFiveOrFortyUnits() {
        List<Unit> units = directory.units(Optional.empty());
        assertThat(units.size()).as("the directory import").isGreaterThanOrEqualTo(40);
        facts(SMALL, units.subList(0, 5));
        facts(LARGE, units.subList(0, 40));

        int small = statements(SMALL, 5);
        int large = statements(LARGE, 40);
        assertThat(small).as("the counter sees the driver's statements (its log format)").isPositive();
        assertThat(large).as("statements for 40 units vs 5 units (N+1 if it grows)").isEqualTo(small);
        assertThat(large).as("a fixed handful: rules, rows, waivers, units, transaction").isLessThanOrEqualTo(12);

        // the same scores as each unit scored on its own (which reads its own waivers and unit)
        for (KpiScoring.Ranked ranked : scoring.unitRanking(LARGE, null)) {
            KpiScoring.Score alone = scoring.unit(ranked.score().subject(), LARGE);
            assertThat(ranked.score()).usingRecursiveComparison().isEqualTo(alone);
        }
        assertThat(scoring.unitRanking(LARGE, null).stream()
                .filter(r -> r.score().rows().stream().anyMatch(KpiScoring.ScoredRow::waived))).hasSize(40);
    }

    private int statements(Period period, int units) {
        scoring.unitRanking(period, null); // rules and decisions cached as in a running application
        try (StatementCounter counter = StatementCounter.onThisThread()) {
            List<KpiScoring.Ranked> ranking = scoring.unitRanking(period, null);
            assertThat(ranking).hasSize(units);
            assertThat(ranking).allSatisfy(r -> assertThat(r.score().unitName()).isNotNull());
            System.out.println("KPI unit ranking, " + units + " units: " + counter.count() + " statements");
            return counter.count();
        }
    }

    /** Per unit: an item completed late, a late item and a waiver of it; the same shape for every unit. */
    private void facts(Period period, List<Unit> units) {
        Instant at = period.from().plusDays(3).atTime(LocalTime.NOON).atZone(KpiLedger.ZONE).toInstant();
        for (Unit unit : units) {
            String key = tag + ":" + period.label() + ":" + unit.code();
            ledger.record(key + ":done", LedgerKind.COMPLETED_LATE, key + ":item-1", unit.code(), null, at);
            ledger.record(key + ":late", LedgerKind.LATE, key + ":item-2", unit.code(), null, at);
            LedgerRow late = ledger.byKey(key + ":late").orElseThrow();
            ledger.insert(key + ":waiver", LedgerKind.WAIVER, late.itemId(), unit.code(), null, at, late.id(),
                    "test", "objective cause");
        }
        assertThat(LocalDate.ofInstant(at, KpiLedger.ZONE)).isBetween(period.from(), period.to());
    }
}
