package vn.dieuhanh.deadline.internal;

import static vn.dieuhanh.deadline.ReminderPolicy.*;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;
import vn.dieuhanh.deadline.ReminderPolicies;
import vn.dieuhanh.deadline.ReminderPolicy;

/**
 * Evaluates the latest deployed version of {@code processes/deadline/reminder-policy.dmn}. Called once when an
 * assignment opens; the lifecycle keeps the result in its variables, so a changed table applies to new assignments.
 */
@Component
public class DmnReminderPolicies implements ReminderPolicies {

    private final DecisionService decisionService;

    public DmnReminderPolicies(DecisionService decisionService) {
        this.decisionService = decisionService;
    }

    @Override
    public ReminderPolicy policyFor(String urgency, String source) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put(INPUT_URGENCY, urgency);
        inputs.put(INPUT_SOURCE, source);
        DmnDecisionTableResult result = decisionService.evaluateDecisionTableByKey(DECISION_KEY, inputs);
        DmnDecisionRuleResult rule = result.getFirstResult();
        if (rule == null) {
            throw new IllegalStateException("Bảng chính sách nhắc việc thiếu quy tắc (the decision table " + DECISION_KEY
                    + " has no rule for urgency " + urgency + " and source " + source + ")");
        }
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
