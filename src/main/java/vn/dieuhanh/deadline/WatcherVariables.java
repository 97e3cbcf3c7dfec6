package vn.dieuhanh.deadline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The process variables of a deadline watcher, shared by every process that watches a deadline: the policy read once
 * when the work opens (so a changed table applies to new work) and the pending alert. The watcher's steps are
 * modelled in the BPMN (timer, "which alert is due" gateway with one task per kind, "plan the next alert"); see
 * {@link DeadlineWatch}.
 */
public final class WatcherVariables {

    /** When the watcher's timer fires next ({@link AlertSchedule#NEVER} when no alert is left). */
    public static final String VAR_NEXT_ALERT_AT = "nextAlertAt";
    /**
     * The pending alert's {@link AlertKind}: the one the timer waits for, then, once it fired, the one being sent (the
     * gateway "Cảnh báo nào đến hạn?" routes on it); empty when nothing is due.
     */
    public static final String VAR_NEXT_ALERT_KIND = "nextAlertKind";
    public static final String VAR_NEXT_ALERT_OCCURRENCE = "nextAlertOccurrence";
    /** How instances started before the reminder points became two columns kept them ("50,75"); read only. */
    static final String LEGACY_REMINDER_PERCENTS = "reminderPercents";

    private WatcherVariables() {
    }

    public static void writePolicy(VariableScope scope, ReminderPolicy policy) {
        List<Integer> percents = policy.reminderPercents();
        scope.setVariable(ReminderPolicy.OUT_FIRST_REMINDER_PERCENT, percents.isEmpty() ? null : percents.get(0));
        scope.setVariable(ReminderPolicy.OUT_SECOND_REMINDER_PERCENT, percents.size() < 2 ? null : percents.get(1));
        scope.setVariable(ReminderPolicy.OUT_REMINDER_WORKING_DAYS_BEFORE, policy.reminderWorkingDaysBefore());
        scope.setVariable(ReminderPolicy.OUT_WARNING_WINDOW_WORKING_DAYS, policy.warningWindowWorkingDays());
        scope.setVariable(ReminderPolicy.OUT_DAILY_OVERDUE_REMINDERS, policy.dailyOverdueReminders());
        scope.setVariable(ReminderPolicy.OUT_ESCALATE_TO_HEAD_AFTER_OVERDUE_DAYS,
                policy.escalateToHeadAfterOverdueDays());
        scope.setVariable(ReminderPolicy.OUT_ESCALATE_TO_LEADER_AFTER_OVERDUE_DAYS,
                policy.escalateToLeaderAfterOverdueDays());
    }

    public static ReminderPolicy readPolicy(VariableScope scope) {
        Object daily = scope.getVariable(ReminderPolicy.OUT_DAILY_OVERDUE_REMINDERS);
        return new ReminderPolicy(reminderPercents(scope),
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

    /** The pending alert as written by {@link #writeNextAlert}; empty when none is pending. */
    public static Optional<DeadlineAlert> readNextAlert(VariableScope scope) {
        if (!(scope.getVariable(VAR_NEXT_ALERT_KIND) instanceof String kind) || kind.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new DeadlineAlert(((Date) scope.getVariable(VAR_NEXT_ALERT_AT)).toInstant(),
                AlertKind.valueOf(kind), number(scope, VAR_NEXT_ALERT_OCCURRENCE)));
    }

    /** When the pending alert is due ({@link AlertSchedule#NEVER} when none is). */
    public static Instant nextAlertAt(VariableScope scope) {
        return scope.getVariable(VAR_NEXT_ALERT_AT) instanceof Date at ? at.toInstant() : AlertSchedule.NEVER;
    }

    private static List<Integer> reminderPercents(VariableScope scope) {
        if (scope.hasVariable(ReminderPolicy.OUT_FIRST_REMINDER_PERCENT)
                || scope.hasVariable(ReminderPolicy.OUT_SECOND_REMINDER_PERCENT)) {
            return Arrays.asList(optionalNumber(scope, ReminderPolicy.OUT_FIRST_REMINDER_PERCENT),
                    optionalNumber(scope, ReminderPolicy.OUT_SECOND_REMINDER_PERCENT));
        }
        List<Integer> legacy = new ArrayList<>();
        if (scope.getVariable(LEGACY_REMINDER_PERCENTS) instanceof String text) {
            for (String part : text.split("[,;\\s]+")) {
                if (!part.isBlank()) {
                    legacy.add(Integer.valueOf(part.trim()));
                }
            }
        }
        return legacy;
    }

    private static Integer optionalNumber(VariableScope scope, String name) {
        return scope.getVariable(name) == null ? null : number(scope, name);
    }

    private static int number(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof Number n ? n.intValue() : value == null ? 0 : Integer.parseInt(value.toString());
    }
}
