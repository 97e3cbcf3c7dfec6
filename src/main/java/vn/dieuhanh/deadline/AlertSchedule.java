package vn.dieuhanh.deadline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.dieuhanh.calendar.WorkingCalendar;

/**
 * The alert instants of one assignment, computed from when it was assigned, its deadline and its policy with the
 * working-day calendar (everything in {@link WorkingCalendar#ZONE}). Pure: no engine, no database, no clock.
 * <ul>
 *   <li>{@link AlertKind#REMINDER} at each policy percentage of the <em>working time</em> between the assignment and
 *       the deadline (office hours of working days, counted with {@link WorkingCalendar#addWorkingHours}; the total is
 *       found to the minute, each point rounded down to the minute), and at {@link #alertTime()} (08:00) of the working
 *       day that lies {@code reminderWorkingDaysBefore} working days before the deadline's day. Points not strictly
 *       between the assignment and the deadline are dropped; points at the same instant are sent once.</li>
 *   <li>{@link AlertKind#OVERDUE} at the first second past the deadline (a deadline of 23:59:59 makes it 00:00:00 of
 *       the next day), which is when the status bucket turns to "open overdue".</li>
 *   <li>Overdue working day k is the k-th working day after the deadline's day. At {@link #alertTime()} of day k:
 *       {@link AlertKind#OVERDUE_REMINDER} for k &ge; 2 if the policy asks for daily reminders (day 1 is announced by
 *       the overdue alert itself), {@link AlertKind#ESCALATION_TO_HEAD} on day {@code escalateToHeadAfterOverdueDays
 *       + 1} and {@link AlertKind#ESCALATION_TO_LEADER} on day {@code escalateToLeaderAfterOverdueDays + 1}, i.e. once
 *       that many full working days have passed overdue. Weekends, holidays and Tết are never overdue days.</li>
 * </ul>
 * A schedule made with {@link #withoutDailyOverdueReminders()} never plans {@link AlertKind#OVERDUE_REMINDER}, whatever
 * the policy says: the assignment lifecycle uses it, since the daily overdue digest (one notification per official and
 * working day, {@code processes/deadline/overdue-digest.bpmn}) replaced the per-assignment daily reminders. Indicator
 * reports keep the per-report reminders (the default schedule).
 */
@Component
public class AlertSchedule {

    /** Where the watcher parks its timer when no alert is left (Cockpit shows it; it never fires in practice). */
    public static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");
    /** Time of day of the day-based alerts (N working days before, overdue reminders, escalations). */
    public static final LocalTime DEFAULT_ALERT_TIME = LocalTime.of(8, 0);

    /** Instant, then kind: the order in which alerts are sent. */
    private static final Comparator<DeadlineAlert> SENDING_ORDER =
            Comparator.comparing(DeadlineAlert::at).thenComparing(DeadlineAlert::kind);

    private final WorkingCalendar calendar;
    private final LocalTime alertTime;
    /** Whether overdue reminders are planned when the policy asks for them (false: the digest sends them). */
    private final boolean dailyOverdueReminders;

    @Autowired
    public AlertSchedule(WorkingCalendar calendar) {
        this(calendar, DEFAULT_ALERT_TIME);
    }

    public AlertSchedule(WorkingCalendar calendar, LocalTime alertTime) {
        this(calendar, alertTime, true);
    }

    private AlertSchedule(WorkingCalendar calendar, LocalTime alertTime, boolean dailyOverdueReminders) {
        this.calendar = calendar;
        this.alertTime = alertTime;
        this.dailyOverdueReminders = dailyOverdueReminders;
    }

    /**
     * The same schedule without {@link AlertKind#OVERDUE_REMINDER} points: after the overdue alert only the
     * escalations remain, and none is left after the last of them. A watcher whose pending alert is an overdue
     * reminder (planned by an older version) finds nothing due at its instant but an escalation of the same instant,
     * and then plans the next escalation or none.
     */
    public AlertSchedule withoutDailyOverdueReminders() {
        return dailyOverdueReminders ? new AlertSchedule(calendar, alertTime, false) : this;
    }

    /** Whether this schedule plans daily overdue reminders for policies that ask for them. */
    public boolean plansDailyOverdueReminders() {
        return dailyOverdueReminders;
    }

    public LocalTime alertTime() {
        return alertTime;
    }

    /** The instant an open assignment becomes overdue: the first whole second after its deadline. */
    public static Instant overdueAt(Instant deadline) {
        return deadline.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    }

    /** The working time between two instants, to the minute (office hours of working days only). */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        long low = 0;
        long high = Duration.between(from, to).toMinutes() + 1;
        // invariant: from + low working minutes <= to < from + high working minutes
        while (high - low > 1) {
            long middle = (low + high) >>> 1;
            if (calendar.addWorkingHours(from, Duration.ofMinutes(middle)).isAfter(to)) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return Duration.ofMinutes(low);
    }

    /** The reminders before the deadline and the overdue alert, in order. */
    public List<DeadlineAlert> upToDeadline(Instant assignedAt, Instant deadline, ReminderPolicy policy) {
        List<Instant> points = new ArrayList<>();
        long workingMinutes = workingTimeBetween(assignedAt, deadline).toMinutes();
        for (int percent : policy.reminderPercents()) {
            long minutes = workingMinutes * percent / 100;
            if (minutes > 0) {
                points.add(calendar.addWorkingHours(assignedAt, Duration.ofMinutes(minutes)));
            }
        }
        if (policy.reminderWorkingDaysBefore() > 0) {
            LocalDate day = localDate(deadline);
            for (int counted = 0; counted < policy.reminderWorkingDaysBefore(); ) {
                day = day.minusDays(1);
                if (calendar.isWorkingDay(day)) {
                    counted++;
                }
            }
            points.add(at(day));
        }
        List<DeadlineAlert> alerts = new ArrayList<>();
        points.stream().filter(p -> p.isAfter(assignedAt) && p.isBefore(deadline)).distinct().sorted()
                .forEach(p -> alerts.add(new DeadlineAlert(p, AlertKind.REMINDER, alerts.size() + 1)));
        alerts.add(new DeadlineAlert(overdueAt(deadline), AlertKind.OVERDUE, 1));
        return alerts;
    }

    /** Every alert whose instant lies in [from, to], in order (instant, then kind). */
    public List<DeadlineAlert> between(Instant assignedAt, Instant deadline, ReminderPolicy policy, Instant from,
                                       Instant to) {
        List<DeadlineAlert> result = new ArrayList<>();
        for (DeadlineAlert alert : upToDeadline(assignedAt, deadline, policy)) {
            if (!alert.at().isBefore(from) && !alert.at().isAfter(to)) {
                result.add(alert);
            }
        }
        // from the overdue day of "from" on (days before it lie before "from"), not walking from the deadline: the
        // watcher asks this twice per alert, and work overdue for months has hundreds of overdue days
        int first = Math.max(1, calendar.workingDaysBetween(deadline, from));
        LocalDate day = calendar.addWorkingDays(localDate(deadline), first);
        for (int k = first; k <= lastOverdueDay(policy, Integer.MAX_VALUE);
             k++, day = calendar.addWorkingDays(day, 1)) {
            if (at(day).isAfter(to)) {
                break;
            }
            if (!at(day).isBefore(from)) {
                result.addAll(overdueDay(day, k, policy));
            }
        }
        return result;
    }

    /** The first alert strictly after {@code after}, or empty when none is left. */
    public Optional<DeadlineAlert> next(Instant assignedAt, Instant deadline, ReminderPolicy policy, Instant after) {
        for (DeadlineAlert alert : upToDeadline(assignedAt, deadline, policy)) {
            if (alert.at().isAfter(after)) {
                return Optional.of(alert);
            }
        }
        // overdue day k of "after" (or the first), without walking from the deadline day by day
        int k = Math.max(1, calendar.workingDaysBetween(deadline, after));
        LocalDate day = calendar.addWorkingDays(localDate(deadline), k);
        for (; k <= lastOverdueDay(policy, k + 1); k++, day = calendar.addWorkingDays(day, 1)) {
            if (at(day).isAfter(after)) {
                List<DeadlineAlert> alerts = overdueDay(day, k, policy);
                if (!alerts.isEmpty()) {
                    return Optional.of(alerts.get(0));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * What to send when the watcher fires at {@code now} with its pending alert due at {@code from}: the alerts in
     * [from, now], except reminders overtaken by a later alert that is also due (after downtime, or after the clock
     * jumped, an officer gets the overdue alert, not three stale "half the time has passed" reminders first). The
     * overdue alert and escalations are never dropped.
     */
    public List<DeadlineAlert> due(Instant assignedAt, Instant deadline, ReminderPolicy policy, Instant from,
                                   Instant now) {
        List<DeadlineAlert> due = between(assignedAt, deadline, policy, from, now);
        if (due.isEmpty()) {
            return due;
        }
        Instant latest = due.stream().map(DeadlineAlert::at).max(Comparator.naturalOrder()).orElseThrow();
        return due.stream().filter(a -> !a.kind().isReminder() || !a.at().isBefore(latest)).toList();
    }

    /**
     * The alert the watcher sends when its timer fires at {@code now} for the {@code pending} alert: the first of
     * {@link #due} from the pending one on (in {@link #SENDING_ORDER}); empty when nothing is due any more (the
     * deadline was moved meanwhile).
     */
    public Optional<DeadlineAlert> dueNow(Instant assignedAt, Instant deadline, ReminderPolicy policy,
                                          DeadlineAlert pending, Instant now) {
        return due(assignedAt, deadline, policy, pending.at(), now).stream()
                .filter(alert -> SENDING_ORDER.compare(alert, pending) >= 0).findFirst();
    }

    /**
     * The alert after {@code sent}: the next one that is also due at {@code now} (same instant and a later kind, or a
     * later instant, overtaken reminders left out as in {@link #due}), else the first strictly after {@code now}.
     * The watcher sends one alert per turn, so alerts of one instant (an overdue reminder and an escalation) are
     * sent one after the other, each in its own transaction.
     */
    public Optional<DeadlineAlert> after(Instant assignedAt, Instant deadline, ReminderPolicy policy,
                                         DeadlineAlert sent, Instant now) {
        for (DeadlineAlert alert : due(assignedAt, deadline, policy, sent.at(), now)) {
            if (SENDING_ORDER.compare(alert, sent) > 0) {
                return Optional.of(alert);
            }
        }
        return next(assignedAt, deadline, policy, now);
    }

    private List<DeadlineAlert> overdueDay(LocalDate day, int k, ReminderPolicy policy) {
        List<DeadlineAlert> alerts = new ArrayList<>();
        Instant at = at(day);
        if (remindsDaily(policy) && k >= 2) {
            alerts.add(new DeadlineAlert(at, AlertKind.OVERDUE_REMINDER, k));
        }
        if (policy.escalateToHeadAfterOverdueDays() > 0 && k == policy.escalateToHeadAfterOverdueDays() + 1) {
            alerts.add(new DeadlineAlert(at, AlertKind.ESCALATION_TO_HEAD, k));
        }
        if (policy.escalateToLeaderAfterOverdueDays() > 0 && k == policy.escalateToLeaderAfterOverdueDays() + 1) {
            alerts.add(new DeadlineAlert(at, AlertKind.ESCALATION_TO_LEADER, k));
        }
        return alerts;
    }

    /** The last overdue day that can carry an alert: unbounded with daily reminders, else the last escalation. */
    private int lastOverdueDay(ReminderPolicy policy, int unbounded) {
        if (remindsDaily(policy)) {
            return unbounded;
        }
        return Math.max(policy.escalateToHeadAfterOverdueDays(), policy.escalateToLeaderAfterOverdueDays()) + 1;
    }

    private boolean remindsDaily(ReminderPolicy policy) {
        return dailyOverdueReminders && policy.dailyOverdueReminders();
    }

    private Instant at(LocalDate day) {
        return day.atTime(alertTime).atZone(WorkingCalendar.ZONE).toInstant();
    }

    private static LocalDate localDate(Instant instant) {
        return instant.atZone(WorkingCalendar.ZONE).toLocalDate();
    }
}
