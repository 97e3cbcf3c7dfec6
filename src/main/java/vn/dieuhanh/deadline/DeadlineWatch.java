package vn.dieuhanh.deadline;

import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The two computing steps of a deadline watcher as the processes model it (see docs/deadlines.md):
 * <pre>
 * timer at ${nextAlertAt} → "Xác định cảnh báo đến hạn" ({@link #selectDue})
 *   → gateway "Cảnh báo nào đến hạn?" on ${nextAlertKind}: one task per {@link AlertKind} sends it (none due: skip)
 *   → "Lập mốc cảnh báo tiếp theo" ({@link #planAfterSent}) → timer
 * </pre>
 * Which alerts exist and after how many days is the policy table's ({@code reminder-policy.dmn}); the instants are
 * {@link AlertSchedule}'s working-day arithmetic. The variables are {@link WatcherVariables}.
 */
public final class DeadlineWatch {

    private final AlertSchedule schedule;

    public DeadlineWatch(AlertSchedule schedule) {
        this.schedule = schedule;
    }

    /**
     * The timer fired: makes the pending alert the one to send now (after downtime, a reminder overtaken by a later
     * due alert gives way to it), or none when nothing is due any more.
     *
     * @param start    when the work was assigned or requested (the alert schedule starts there)
     * @param deadline the deadline in force
     */
    public Optional<DeadlineAlert> selectDue(VariableScope scope, Instant start, Instant deadline, Instant now) {
        ReminderPolicy policy = WatcherVariables.readPolicy(scope);
        // a pending alert without its kind (none was left, or a version that did not store it): any due from then on
        DeadlineAlert pending = WatcherVariables.readNextAlert(scope).orElseGet(() ->
                new DeadlineAlert(WatcherVariables.nextAlertAt(scope), AlertKind.values()[0], 0));
        Optional<DeadlineAlert> due = schedule.dueNow(start, deadline, policy, pending, now);
        WatcherVariables.writeNextAlert(scope, due);
        return due;
    }

    /** The alert is sent (or none was due): sets the next one, which is due at once if it is already late. */
    public void planAfterSent(VariableScope scope, Instant start, Instant deadline, Instant now) {
        ReminderPolicy policy = WatcherVariables.readPolicy(scope);
        Optional<DeadlineAlert> sent = WatcherVariables.readNextAlert(scope);
        WatcherVariables.writeNextAlert(scope, sent.isPresent()
                ? schedule.after(start, deadline, policy, sent.get(), now)
                : schedule.next(start, deadline, policy, now));
    }
}
