package vn.dieuhanh.indicator.internal;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
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
    private final AtomicLong evaluations = new AtomicLong();

    IndicatorStatusRules(DeployedDecisions decisions) {
        this.decisions = decisions;
    }

    /**
     * An evaluator over the table deployed now. Results are remembered across requests per deployed version of the
     * table and distinct input ({@link DeployedDecisions#remembered}): one evaluation costs milliseconds of FEEL
     * parsing, and the inputs of a table view repeat between requests until a report is approved
     * (docs/performance.md).
     */
    public Evaluator evaluator() {
        DmnDecision decision = decisions.latest(DECISION);
        return new Evaluator(inputs -> decisions.remembered(decision, inputs,
                () -> count(Evaluator.evaluate(decision, inputs))));
    }

    /** Evaluations of the DMN table so far by this bean's evaluators (for tests: remembered results are not). */
    long evaluations() {
        return evaluations.get();
    }

    private IndicatorStatus count(IndicatorStatus status) {
        evaluations.incrementAndGet();
        return status;
    }

    /** An evaluator over a table read from a stream (tests of the shipped file). */
    public static Evaluator evaluator(InputStream dmn) {
        DmnDecision decision = DeployedDecisions.parse(DECISION, dmn);
        Map<StatusInputs, IndicatorStatus> memo = new HashMap<>();
        return new Evaluator(inputs -> memo.computeIfAbsent(inputs, in -> Evaluator.evaluate(decision, in)));
    }

    public static final class Evaluator {

        private final Function<StatusInputs, IndicatorStatus> results;

        private Evaluator(Function<StatusInputs, IndicatorStatus> results) {
            this.results = results;
        }

        public IndicatorStatus status(StatusInputs inputs) {
            return results.apply(inputs);
        }

        private static IndicatorStatus evaluate(DmnDecision decision, StatusInputs in) {
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
