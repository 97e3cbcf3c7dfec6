package vn.dieuhanh.deadline.internal;

import static vn.dieuhanh.deadline.ReminderPolicy.*;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.springframework.stereotype.Component;
import vn.dieuhanh.platform.DeployedDecisions;
import vn.dieuhanh.deadline.ReminderPolicies;
import vn.dieuhanh.deadline.ReminderPolicy;

/**
 * Evaluates the latest deployed version of {@code processes/deadline/reminder-policy.dmn}. Called once when an
 * assignment opens; the lifecycle keeps the result in its variables, so a changed table applies to new assignments.
 * <p>
 * The table has a handful of input combinations (urgency x source) and is read for every new assignment, report and
 * dossier watcher, so it is evaluated in memory once per deployed version and inputs ({@link DeployedDecisions}):
 * through the engine's {@code DecisionService} every evaluation parsed the FEEL of the table again and wrote a decision
 * instance with its inputs and seven outputs to the history (about 5 % of the simulated year's CPU). The policy
 * chosen is kept in the instance's variables, which is what the audit reads.
 */
@Component
public class DmnReminderPolicies implements ReminderPolicies {

    private final DeployedDecisions decisions;

    public DmnReminderPolicies(DeployedDecisions decisions) {
        this.decisions = decisions;
    }

    private record Inputs(String urgency, String source) {
    }

    @Override
    public ReminderPolicy policyFor(String urgency, String source) {
        DmnDecision decision = decisions.latest(DECISION_KEY);
        return decisions.remembered(decision, new Inputs(urgency, source), () -> evaluate(decision, urgency, source));
    }

    private static ReminderPolicy evaluate(DmnDecision decision, String urgency, String source) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put(INPUT_URGENCY, urgency);
        inputs.put(INPUT_SOURCE, source);
        DmnDecisionRuleResult rule = DeployedDecisions.firstRule(decision, inputs,
                "Bảng chính sách nhắc việc thiếu quy tắc cho mức khẩn " + urgency + " và nguồn " + source);
        try {
            return new ReminderPolicy(Arrays.asList(optionalNumber(rule, OUT_FIRST_REMINDER_PERCENT),
                    optionalNumber(rule, OUT_SECOND_REMINDER_PERCENT)),
                    number(rule, OUT_REMINDER_WORKING_DAYS_BEFORE), number(rule, OUT_WARNING_WINDOW_WORKING_DAYS),
                    Boolean.TRUE.equals(rule.get(OUT_DAILY_OVERDUE_REMINDERS)),
                    number(rule, OUT_ESCALATE_TO_HEAD_AFTER_OVERDUE_DAYS),
                    number(rule, OUT_ESCALATE_TO_LEADER_AFTER_OVERDUE_DAYS));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("The decision table " + DECISION_KEY + " gave an invalid policy for "
                    + urgency + "/" + source + ": " + e.getMessage(), e);
        }
    }

    private static Integer optionalNumber(DmnDecisionRuleResult rule, String name) {
        Object value = rule.get(name);
        return value == null ? null : ((Number) value).intValue();
    }

    private static int number(DmnDecisionRuleResult rule, String name) {
        Object value = rule.get(name);
        return value == null ? 0 : ((Number) value).intValue();
    }
}
