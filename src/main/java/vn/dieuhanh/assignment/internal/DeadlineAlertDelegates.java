package vn.dieuhanh.assignment.internal;

import static vn.dieuhanh.assignment.AssignmentLifecycleProcess.*;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import vn.dieuhanh.assignment.Urgency;
import vn.dieuhanh.calendar.VietnameseDates;
import vn.dieuhanh.assignment.WorkSource;
import vn.dieuhanh.deadline.AlertSchedule;
import vn.dieuhanh.deadline.AlertSubject;
import vn.dieuhanh.deadline.DeadlineAlert;
import vn.dieuhanh.deadline.DeadlineAlerts;
import vn.dieuhanh.deadline.DeadlineWatch;
import vn.dieuhanh.deadline.ReminderPolicies;
import vn.dieuhanh.deadline.ReminderPolicy;
import vn.dieuhanh.deadline.WatcherVariables;

/**
 * The lifecycle's deadline watcher: {@code ${planDeadlineAlerts}} reads the policy once and sets the first alert; when
 * {@code Timer_NextDeadlineAlert} fires, {@code ${selectDueDeadlineAlert}} picks the alert due, the gateway routes to
 * the task of its kind, each of which runs {@code ${sendDueDeadlineAlert}}, and {@code ${planNextDeadlineAlert}} sets
 * the next one ({@link DeadlineWatch}); {@link #replan} moves the pending alert after the deadline changed.
 * {@code ${sendDeadlineAlert}} is the single step of lifecycle versions deployed before the chain was modelled, kept
 * for their running instances. The variables it reads are the lifecycle's
 * (see {@code AssignmentLifecycleProcess}); "now" is the engine clock. Public so that process tests can build the real
 * thing by hand around an in-memory engine.
 */
public final class DeadlineAlertDelegates {

    private final ReminderPolicies policies;
    private final AlertSchedule schedule;
    private final DeadlineAlerts alerts;
    private final DeadlineWatch watch;
    private final Function<String, Optional<String>> unitHeads;
    private final Function<String, Optional<String>> unitNames;
    private final Clock clock;

    /**
     * @param unitHeads unit code to the unit head's user id (looked up when an alert is sent: heads change)
     * @param unitNames unit code to the unit's name
     * @param clock     the engine clock (the application's {@code Clock} bean)
     */
    public DeadlineAlertDelegates(ReminderPolicies policies, AlertSchedule schedule, DeadlineAlerts alerts,
                                  Function<String, Optional<String>> unitHeads,
                                  Function<String, Optional<String>> unitNames, Clock clock) {
        this.policies = policies;
        // the daily overdue reminders are the digest's (one per official and day, OverdueDigest), not the watcher's:
        // an instance whose pending alert is one (planned before) finds nothing due then and plans the next escalation
        this.schedule = schedule.withoutDailyOverdueReminders();
        this.alerts = alerts;
        this.watch = new DeadlineWatch(this.schedule);
        this.unitHeads = unitHeads;
        this.unitNames = unitNames;
        this.clock = clock;
    }

    /** Evaluates the policy table (once: a changed table applies to new assignments) and sets the first alert. */
    public JavaDelegate planDeadlineAlerts() {
        return execution -> {
            LifecycleVariables vars = new LifecycleVariables(execution);
            String urgency = Optional.ofNullable(vars.text(VAR_URGENCY)).orElse(Urgency.NORMAL.name());
            String source = Optional.ofNullable(vars.text(VAR_SOURCE)).orElse(WorkSource.INSTANT.name());
            vars.setPolicy(policies.policyFor(urgency, source));
            if (vars.moment(VAR_ASSIGNED_AT) == null) {
                execution.setVariable(VAR_ASSIGNED_AT, Date.from(now()));
            }
            planNext(new LifecycleVariables(execution));
        };
    }

    /** "Xác định cảnh báo đến hạn": the timer fired; makes the alert due now the pending one (or none). */
    public JavaDelegate selectDueDeadlineAlert() {
        return execution -> {
            LifecycleVariables vars = new LifecycleVariables(execution);
            watch.selectDue(execution, vars.moment(VAR_ASSIGNED_AT), vars.moment(VAR_DEADLINE), now());
        };
    }

    /** The task of the selected alert's kind: sends it (deduplicated by the outbox, so a retried job sends once). */
    public JavaDelegate sendDueDeadlineAlert() {
        return execution -> {
            LifecycleVariables vars = new LifecycleVariables(execution);
            DeadlineAlert alert = WatcherVariables.readNextAlert(execution).orElseThrow(() ->
                    new IllegalStateException("No alert selected: the gateway routes here only with one"));
            alerts.send(subject(vars, vars.moment(VAR_DEADLINE)), alert);
        };
    }

    /** "Lập mốc cảnh báo tiếp theo": the next alert after the one just handled. */
    public JavaDelegate planNextDeadlineAlert() {
        return execution -> {
            LifecycleVariables vars = new LifecycleVariables(execution);
            watch.planAfterSent(execution, vars.moment(VAR_ASSIGNED_AT), vars.moment(VAR_DEADLINE), now());
        };
    }

    /**
     * Lifecycle versions before the modelled chain: sends the alerts due now (the pending one, and any later one the
     * clock has also passed) and sets the next.
     */
    public JavaDelegate sendDeadlineAlert() {
        return execution -> {
            LifecycleVariables vars = new LifecycleVariables(execution);
            Instant now = now();
            Instant assignedAt = vars.moment(VAR_ASSIGNED_AT);
            Instant deadline = vars.moment(VAR_DEADLINE);
            ReminderPolicy policy = vars.policy();
            Instant pending = vars.moment(VAR_NEXT_ALERT_AT);
            AlertSubject subject = subject(vars, deadline);
            for (DeadlineAlert alert : schedule.due(assignedAt, deadline, policy, pending, now)) {
                alerts.send(subject, alert);
            }
            vars.setNextAlert(schedule.next(assignedAt, deadline, policy, now));
        };
    }

    /**
     * Sets the pending alert to the first one after now for the deadline in force. Called after an approved extension,
     * before the engine re-evaluates the timer's {@code ${nextAlertAt}}, so the pending timer moves with it.
     */
    public void replan(VariableScope scope) {
        if (!scope.hasVariable(VAR_NEXT_ALERT_AT)) {
            return; // an instance of a lifecycle version without the watcher: no alert is pending
        }
        planNext(new LifecycleVariables(scope));
    }

    private void planNext(LifecycleVariables vars) {
        vars.setNextAlert(schedule.next(vars.moment(VAR_ASSIGNED_AT), vars.moment(VAR_DEADLINE), vars.policy(), now()));
    }

    private AlertSubject subject(LifecycleVariables vars, Instant deadline) {
        String unitCode = vars.text(VAR_UNIT_CODE);
        return new AlertSubject(vars.assignmentId(), vars.text(VAR_TITLE), unitCode,
                unitNames.apply(unitCode).orElse(unitCode), vars.text(VAR_HOLDER_USER),
                unitHeads.apply(unitCode).orElse(null), vars.text(VAR_ASSIGNED_BY), deadline,
                VietnameseDates.deadline(deadline.atOffset(ZoneOffset.UTC)));
    }

    private Instant now() {
        return clock.instant();
    }
}
