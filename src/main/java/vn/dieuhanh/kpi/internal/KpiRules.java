package vn.dieuhanh.kpi.internal;

import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.springframework.stereotype.Component;
import vn.dieuhanh.kpi.LedgerKind;
import vn.dieuhanh.kpi.SubjectKind;
import vn.dieuhanh.platform.DeployedDecisions;

/**
 * The numbers of the scheme, from the latest deployed versions of {@code processes/kpi/kpi-weights.dmn},
 * {@code kpi-penalty.dmn} and {@code kpi-band.dmn}. Java only adds them up.
 * <p>
 * Evaluated in memory ({@link DeployedDecisions}): a ranking evaluates them many times per request, and a score is
 * explained by its ledger rows, not by decision history. A deployed edit counts from the next computation.
 */
@Component
public class KpiRules {

    public static final String WEIGHTS = "kpi-weights";
    public static final String PENALTY = "kpi-penalty";
    public static final String BAND = "kpi-band";

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
        return new Tables(decisions.latest(WEIGHTS), decisions.latest(PENALTY), decisions.latest(BAND));
    }

    /** One version of each table. */
    public static final class Tables {
        private final DmnDecision weights;
        private final DmnDecision penalty;
        private final DmnDecision band;

        private Tables(DmnDecision weights, DmnDecision penalty, DmnDecision band) {
            this.weights = weights;
            this.penalty = penalty;
            this.band = band;
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

        private static DmnDecisionRuleResult first(DmnDecision decision, Map<String, Object> inputs) {
            return DeployedDecisions.firstRule(decision, inputs, "bảng quy tắc chấm điểm thiếu quy tắc");
        }
    }

    private static BigDecimal number(DmnDecisionRuleResult r, String name) {
        Object value = r.get(name);
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }
}
