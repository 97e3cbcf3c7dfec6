package vn.dieuhanh.deadline;

import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The process variables of a deadline watcher (a timer at {@code ${nextAlertAt}} in a loop with a "send what is due"
 * step), shared by every process that watches a deadline: the policy read once when the work opens (so a changed
 * table applies to new work) and the pending alert.
 */
public final class WatcherVariables {

    /** When the watcher's timer fires next ({@link AlertSchedule#NEVER} when no alert is left). */
    public static final String VAR_NEXT_ALERT_AT = "nextAlertAt";
    /** The pending alert's {@link AlertKind}, for Cockpit. */
    public static final String VAR_NEXT_ALERT_KIND = "nextAlertKind";
    public static final String VAR_NEXT_ALERT_OCCURRENCE = "nextAlertOccurrence";

    private WatcherVariables() {
    }

    public static void writePolicy(VariableScope scope, ReminderPolicy policy) {
        scope.setVariable(ReminderPolicy.OUT_REMINDER_PERCENTS, policy.percentsText());
        scope.setVariable(ReminderPolicy.OUT_REMINDER_WORKING_DAYS_BEFORE, policy.reminderWorkingDaysBefore());
        scope.setVariable(ReminderPolicy.OUT_WARNING_WINDOW_WORKING_DAYS, policy.warningWindowWorkingDays());
        scope.setVariable(ReminderPolicy.OUT_DAILY_OVERDUE_REMINDERS, policy.dailyOverdueReminders());
        scope.setVariable(ReminderPolicy.OUT_ESCALATE_TO_HEAD_AFTER_OVERDUE_DAYS,
                policy.escalateToHeadAfterOverdueDays());
        scope.setVariable(ReminderPolicy.OUT_ESCALATE_TO_LEADER_AFTER_OVERDUE_DAYS,
                policy.escalateToLeaderAfterOverdueDays());
    }

    public static ReminderPolicy readPolicy(VariableScope scope) {
        Object percents = scope.getVariable(ReminderPolicy.OUT_REMINDER_PERCENTS);
        Object daily = scope.getVariable(ReminderPolicy.OUT_DAILY_OVERDUE_REMINDERS);
        return new ReminderPolicy(ReminderPolicy.parsePercents(percents == null ? null : percents.toString()),
                number(scope, ReminderPolicy.OUT_REMINDER_WORKING_DAYS_BEFORE),
                number(scope, ReminderPolicy.OUT_WARNING_WINDOW_WORKING_DAYS),
                daily instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(daily)),
                number(scope, ReminderPolicy.OUT_ESCALATE_TO_HEAD_AFTER_OVERDUE_DAYS),
                number(scope, ReminderPolicy.OUT_ESCALATE_TO_LEADER_AFTER_OVERDUE_DAYS));
    }

    /** The watcher's pending alert; none left parks the timer at {@link AlertSchedule#NEVER}. */
    public static void writeNextAlert(VariableScope scope, Optional<DeadlineAlert> next) {
        scope.setVariable(VAR_NEXT_ALERT_AT, Date.from(next.map(DeadlineAlert::at).orElse(AlertSchedule.NEVER)));
        scope.setVariable(VAR_NEXT_ALERT_KIND, next.map(alert -> alert.kind().name()).orElse(null));
        scope.setVariable(VAR_NEXT_ALERT_OCCURRENCE, next.map(DeadlineAlert::occurrence).orElse(null));
    }

    private static int number(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof Number n ? n.intValue() : value == null ? 0 : Integer.parseInt(value.toString());
    }
}
