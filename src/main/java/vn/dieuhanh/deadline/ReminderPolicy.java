package vn.dieuhanh.deadline;

import java.util.List;
import java.util.Objects;

/**
 * The alert policy of one assignment, read once from the decision table {@value #DECISION_KEY}
 * ({@code processes/deadline/reminder-policy.dmn}) when the assignment opens.
 *
 * @param reminderPercents                 remind when these percentages of the working time have elapsed (1-99;
 *                                         nulls, i.e. empty cells, are left out)
 * @param reminderWorkingDaysBefore        remind at the start of the working day this many working days before the
 *                                         deadline's day (0: no such reminder)
 * @param warningWindowWorkingDays         the "due soon" (sắp đến hạn) window in working days
 * @param dailyOverdueReminders            remind the holder every working day while overdue: for assignments, by
 *                                         listing the work in the daily overdue digest ({@link OverdueDigests}; stored
 *                                         on the assignment when it opens); for indicator reports, one reminder each
 * @param escalateToHeadAfterOverdueDays   tell the unit head after this many overdue working days (0: never)
 * @param escalateToLeaderAfterOverdueDays tell the assigning leader after this many overdue working days (0: never)
 */
public record ReminderPolicy(List<Integer> reminderPercents, int reminderWorkingDaysBefore,
                             int warningWindowWorkingDays, boolean dailyOverdueReminders,
                             int escalateToHeadAfterOverdueDays, int escalateToLeaderAfterOverdueDays) {

    /** The decision key (= file name) of the policy table. */
    public static final String DECISION_KEY = "reminder-policy";
    /** Decision inputs. */
    public static final String INPUT_URGENCY = "urgency";
    public static final String INPUT_SOURCE = "source";
    /**
     * Decision outputs; the watchers store them under the same names. The reminder points are two columns (empty:
     * none), so an analyst edits numbers, not a list in a string.
     */
    public static final String OUT_FIRST_REMINDER_PERCENT = "firstReminderPercent";
    public static final String OUT_SECOND_REMINDER_PERCENT = "secondReminderPercent";
    public static final String OUT_REMINDER_WORKING_DAYS_BEFORE = "reminderWorkingDaysBefore";
    public static final String OUT_WARNING_WINDOW_WORKING_DAYS = "warningWindowWorkingDays";
    public static final String OUT_DAILY_OVERDUE_REMINDERS = "dailyOverdueReminders";
    public static final String OUT_ESCALATE_TO_HEAD_AFTER_OVERDUE_DAYS = "escalateToHeadAfterOverdueDays";
    public static final String OUT_ESCALATE_TO_LEADER_AFTER_OVERDUE_DAYS = "escalateToLeaderAfterOverdueDays";

    public ReminderPolicy {
        reminderPercents = reminderPercents.stream().filter(Objects::nonNull).toList();
        for (int percent : reminderPercents) {
            if (percent < 1 || percent > 99) {
                throw new IllegalArgumentException("A reminder point must be 1-99 % of the working time, got "
                        + percent);
            }
        }
        requireNotNegative(reminderWorkingDaysBefore, OUT_REMINDER_WORKING_DAYS_BEFORE);
        requireNotNegative(warningWindowWorkingDays, OUT_WARNING_WINDOW_WORKING_DAYS);
        requireNotNegative(escalateToHeadAfterOverdueDays, OUT_ESCALATE_TO_HEAD_AFTER_OVERDUE_DAYS);
        requireNotNegative(escalateToLeaderAfterOverdueDays, OUT_ESCALATE_TO_LEADER_AFTER_OVERDUE_DAYS);
    }

    private static void requireNotNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
    }
}
