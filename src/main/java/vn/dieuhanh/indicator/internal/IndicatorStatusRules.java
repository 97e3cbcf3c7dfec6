package vn.dieuhanh.indicator.internal;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /**
     * Results kept across requests, per parsed version of the table (a new version is a new {@link DmnDecision}) and
     * distinct input. One evaluation of the table costs milliseconds of FEEL parsing (Camunda's FEEL engine parses
     * every input expression and unary test at every evaluation): 20 distinct inputs took 2.9 s on the shared test
     * machine (load average 13), which made the city table the slowest read (docs/performance.md). The inputs of a
     * table view repeat between requests until a report is approved. Emptied when it reaches {@link #MAX_REMEMBERED}.
     */
    static final int MAX_REMEMBERED = 20_000;

    private record Remembered(DmnDecision decision, StatusInputs inputs) {
    }

    private final DeployedDecisions decisions;
    private final Map<Remembered, IndicatorStatus> remembered = new ConcurrentHashMap<>();
    private final AtomicLong evaluations = new AtomicLong();

    IndicatorStatusRules(DeployedDecisions decisions) {
        this.decisions = decisions;
    }

    /** An evaluator over the table deployed now; results are remembered across requests for that version. */
    public Evaluator evaluator() {
        DmnDecision decision = decisions.latest(DECISION);
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        return new Evaluator(inputs -> remembered.computeIfAbsent(new Remembered(decision, inputs),
                r -> count(Evaluator.evaluate(decision, r.inputs()))));
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
