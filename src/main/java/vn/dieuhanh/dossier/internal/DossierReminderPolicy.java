package vn.dieuhanh.dossier.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * The analysts' table {@code processes/dossier/dossier-reminder-policy.dmn} (latest deployed version): how long before
 * the appointment the unit is reminded and offered the apology letter, and how long after it a still unfinished
 * dossier is reported to the City PC Office. Evaluated when the dossier reaches its unit and when a supplement resumes
 * the clock; the process keeps the resulting instants in its timer variables.
 */
@Component
public class DossierReminderPolicy {

    public static final String DECISION_KEY = "dossier-reminder-policy";
    public static final String INPUT_STATUTORY_WORKING_HOURS = "statutoryWorkingHours";
    public static final String INPUT_CERTIFICATION = "certification";
    public static final String OUT_WARN_BEFORE_WORKING_HOURS = "warnBeforeWorkingHours";
    public static final String OUT_ESCALATE_AFTER_LATE_WORKING_HOURS = "escalateAfterLateWorkingHours";

    /** @param warnBefore working time before the appointment; @param escalateAfterLate working time after it */
    public record Policy(Duration warnBefore, Duration escalateAfterLate) {
    }

    private final DecisionService decisions;

    public DossierReminderPolicy(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** @param statutory the procedure's statutory working time; @throws IllegalStateException on a broken table */
    public Policy policyFor(Duration statutory, boolean certification) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put(INPUT_STATUTORY_WORKING_HOURS, (int) Math.max(0, (statutory.toMinutes() + 59) / 60));
        inputs.put(INPUT_CERTIFICATION, certification);
        DmnDecisionRuleResult rule = decisions.evaluateDecisionTableByKey(DECISION_KEY, inputs).getFirstResult();
        if (rule == null) {
            throw new IllegalStateException("Bảng chính sách nhắc hồ sơ thiếu quy tắc (the decision table "
                    + DECISION_KEY + " has no rule for " + inputs + ")");
        }
        int warn = hours(rule, OUT_WARN_BEFORE_WORKING_HOURS);
        int escalate = hours(rule, OUT_ESCALATE_AFTER_LATE_WORKING_HOURS);
        if (warn < 1 || escalate < 1) {
            throw new IllegalStateException("The decision table " + DECISION_KEY + " must give at least one working "
                    + "hour for both outputs, got " + warn + " and " + escalate + " for " + inputs);
        }
        return new Policy(Duration.ofHours(warn), Duration.ofHours(escalate));
    }

    private static int hours(DmnDecisionRuleResult rule, String name) {
        Object value = rule.get(name);
        return value instanceof Number n ? n.intValue() : 0;
    }
}
