package vn.dieuhanh.indicator.internal;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.springframework.stereotype.Component;
import vn.dieuhanh.platform.DeployedDecisions;

/**
 * The status rules of {@code processes/indicator/indicator-status.dmn}: the latest deployed version of the table,
 * evaluated in memory ({@link DeployedDecisions}), so the hundreds of evaluations of a table view write no decision
 * history. A status is a view recomputed at every request,
 * not a decision to audit. A newly deployed version of the table is picked up at the next request.
 */
@Component
public class IndicatorStatusRules {

    public static final String DECISION = "indicator-status";

    private final DeployedDecisions decisions;

    IndicatorStatusRules(DeployedDecisions decisions) {
        this.decisions = decisions;
    }

    /** An evaluator over the table deployed now; it remembers results per distinct input (one request's worth). */
    public Evaluator evaluator() {
        return new Evaluator(decisions.latest(DECISION));
    }

    /** An evaluator over a table read from a stream (tests of the shipped file). */
    public static Evaluator evaluator(InputStream dmn) {
        return new Evaluator(DeployedDecisions.parse(DECISION, dmn));
    }

    public static final class Evaluator {

        private final DmnDecision decision;
        private final Map<StatusInputs, IndicatorStatus> memo = new HashMap<>();

        private Evaluator(DmnDecision decision) {
            this.decision = decision;
        }

        public IndicatorStatus status(StatusInputs inputs) {
            return memo.computeIfAbsent(inputs, this::evaluate);
        }

        private IndicatorStatus evaluate(StatusInputs in) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("hasPlan", in.hasPlan());
            variables.put("reportedShare", in.reportedShare());
            variables.put("direction", in.direction().name());
            variables.put("achievedRatio", in.achievedRatio());
            variables.put("expectedRatio", in.expectedRatio());
            DmnDecisionRuleResult r = DeployedDecisions.firstRule(decision, variables,
                    "bảng đánh giá chỉ tiêu thiếu quy tắc");
            return new IndicatorStatus((String) r.get("status"), (String) r.get("statusLabel"));
        }
    }
}
