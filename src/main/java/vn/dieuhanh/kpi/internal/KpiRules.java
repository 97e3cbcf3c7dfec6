package vn.dieuhanh.kpi.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.springframework.stereotype.Component;
import vn.dieuhanh.kpi.LedgerKind;
import vn.dieuhanh.kpi.SubjectKind;
import vn.dieuhanh.platform.DeployedDecisions;

/**
 * The rules of the scheme, from the latest deployed versions of {@code processes/kpi/kpi-weights.dmn},
 * {@code kpi-penalty.dmn}, {@code kpi-criterion-score.dmn} (the formula of a criterion's score, a FEEL literal
 * expression) and {@code kpi-band.dmn}. Java only gathers the ledger rows and adds the criteria up.
 * <p>
 * Evaluated in memory ({@link DeployedDecisions}): a ranking evaluates them many times per request, and a score is
 * explained by its ledger rows, not by decision history. A deployed edit counts from the next computation.
 */
@Component
public class KpiRules {

    public static final String WEIGHTS = "kpi-weights";
    public static final String PENALTY = "kpi-penalty";
    public static final String BAND = "kpi-band";
    public static final String CRITERION_SCORE = "kpi-criterion-score";

    public record Weights(BigDecimal general, BigDecimal quantity, BigDecimal quality, BigDecimal progress) {
    }

    public record Penalty(String criterion, BigDecimal fraction) {
        public static final String QUANTITY = "QUANTITY";
        public static final String QUALITY = "QUALITY";
        public static final String PROGRESS = "PROGRESS";
    }

    public record Band(String code, String label) {
    }

    private final DeployedDecisions decisions;

    public KpiRules(DeployedDecisions decisions) {
        this.decisions = decisions;
    }

    /** The tables in force now; use one for a whole computation so that it reads one version of each. */
    public Tables current() {
        return new Tables(decisions.latest(WEIGHTS), decisions.latest(PENALTY), decisions.latest(BAND),
                decisions.latest(CRITERION_SCORE), decisions);
    }

    /** One version of each table. */
    public static final class Tables {
        private final DmnDecision weights;
        private final DmnDecision penalty;
        private final DmnDecision band;
        private final DmnDecision criterionScore;
        private final DeployedDecisions remembered;

        /** The tables given (tests read the shipped files with {@link DeployedDecisions#parse}); nothing remembered. */
        public Tables(DmnDecision weights, DmnDecision penalty, DmnDecision band, DmnDecision criterionScore) {
            this(weights, penalty, band, criterionScore, null);
        }

        Tables(DmnDecision weights, DmnDecision penalty, DmnDecision band, DmnDecision criterionScore,
               DeployedDecisions remembered) {
            this.weights = weights;
            this.penalty = penalty;
            this.band = band;
            this.criterionScore = criterionScore;
            this.remembered = remembered;
        }

        public Weights weights(SubjectKind subject) {
            DmnDecisionRuleResult r = first(weights, Map.of("subjectKind", subject.name()));
            return new Weights(number(r, "generalPoints"), number(r, "quantityPoints"), number(r, "qualityPoints"),
                    number(r, "progressPoints"));
        }

        public Penalty penalty(SubjectKind subject, LedgerKind kind) {
            DmnDecisionRuleResult r = first(penalty, Map.of("subjectKind", subject.name(), "factKind", kind.name()));
            Object criterion = r.get("criterion");
            return new Penalty(criterion == null ? "NONE" : criterion.toString(), number(r, "fraction"));
        }

        public Band band(BigDecimal score) {
            DmnDecisionRuleResult r = first(band, Map.of("score", score.doubleValue()));
            return new Band((String) r.get("band"), (String) r.get("bandLabel"));
        }

        /**
         * A criterion's score (kpi-criterion-score): {@code itemFractions} holds, per item of the period, the
         * fractions its non-waived facts cost on this criterion (kpi-penalty); the decision says how they count.
         */
        public BigDecimal criterionScore(String criterion, BigDecimal points, List<List<BigDecimal>> itemFractions,
                                         int completedItems) {
            if (remembered == null) {
                return evaluateCriterionScore(criterion, points, itemFractions, completedItems);
            }
            // remembered across computations per deployed version and inputs (a ranking repeats few distinct ones)
            List<Object> key = List.of(criterion, points, completedItems, copy(itemFractions));
            return remembered.remembered(criterionScore, key,
                    () -> evaluateCriterionScore(criterion, points, itemFractions, completedItems));
        }

        private static List<List<BigDecimal>> copy(List<List<BigDecimal>> itemFractions) {
            return itemFractions.stream().map(List::copyOf).toList();
        }

        private BigDecimal evaluateCriterionScore(String criterion, BigDecimal points,
                                                  List<List<BigDecimal>> itemFractions, int completedItems) {
            Map<String, Object> inputs = new HashMap<>();
            inputs.put("criterion", criterion);
            inputs.put("points", points);
            inputs.put("itemFractions", itemFractions);
            inputs.put("completedItems", completedItems);
            Object value = DeployedDecisions.value(criterionScore, inputs);
            if (!(value instanceof Number)) {
                throw new IllegalStateException("Công thức tính điểm tiêu chí không cho kết quả (the decision " + CRITERION_SCORE
                        + " gave no number for " + inputs + ")");
            }
            return new BigDecimal(value.toString());
        }

        private static DmnDecisionRuleResult first(DmnDecision decision, Map<String, Object> inputs) {
            return DeployedDecisions.firstRule(decision, inputs, "bảng quy tắc chấm điểm thiếu quy tắc");
        }
    }

    private static BigDecimal number(DmnDecisionRuleResult r, String name) {
        Object value = r.get(name);
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }
}
