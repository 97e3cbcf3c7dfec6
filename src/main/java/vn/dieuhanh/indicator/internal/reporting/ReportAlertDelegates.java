package vn.dieuhanh.indicator.internal.reporting;

import static vn.dieuhanh.indicator.internal.reporting.IndicatorReportProcess.*;

import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.dieuhanh.deadline.AlertSchedule;
import vn.dieuhanh.deadline.DeadlineAlert;
import vn.dieuhanh.deadline.DeadlineWatch;
import vn.dieuhanh.deadline.ReminderPolicies;
import vn.dieuhanh.deadline.ReminderPolicy;
import vn.dieuhanh.deadline.WatcherVariables;

/**
 * The report's deadline watcher, the same way assignments do it: {@code ${planReportAlerts}} reads the policy
 * ({@code reminder-policy}, source {@value IndicatorReportProcess#POLICY_SOURCE}) once and sets the first alert; when
 * {@code Timer_NextReportAlert} fires, {@code ${selectDueReportAlert}} picks the alert due, the gateway routes to the
 * task of its kind ({@code ${sendDueReportAlert}}) and {@code ${planNextReportAlert}} sets the next one
 * ({@link DeadlineWatch}). {@code ${sendReportAlert}} is the single step of versions before the chain was modelled.
 */
@Component
class ReportAlertDelegates {

    private final ReminderPolicies policies;
    private final AlertSchedule schedule;
    private final ReportAlertSender sender;
    private final DeadlineWatch watch;
    private final Clock clock;

    ReportAlertDelegates(ReminderPolicies policies, AlertSchedule schedule, ReportAlertSender sender, Clock clock) {
        this.policies = policies;
        this.schedule = schedule;
        this.sender = sender;
        this.watch = new DeadlineWatch(schedule);
        this.clock = clock;
    }

    JavaDelegate plan() {
        return execution -> {
            ReminderPolicy policy = policies.policyFor(POLICY_URGENCY, POLICY_SOURCE);
            WatcherVariables.writePolicy(execution, policy);
            // a campaign opened after its due date still announces the lateness (the timer fires at once)
            ReportVariables vars = ReportVariables.of(execution);
            Instant dueAt = vars.dueAt();
            Instant now = clock.instant();
            WatcherVariables.writeNextAlert(execution, schedule.next(vars.openedAt(), dueAt, policy,
                    now.isAfter(dueAt) ? dueAt : now));
        };
    }

    JavaDelegate selectDue() {
        return execution -> {
            ReportVariables vars = ReportVariables.of(execution);
            watch.selectDue(execution, vars.openedAt(), vars.dueAt(), clock.instant());
        };
    }

    JavaDelegate sendDue() {
        return execution -> {
            DeadlineAlert alert = WatcherVariables.readNextAlert(execution).orElseThrow(() ->
                    new IllegalStateException("No alert selected: the gateway routes here only with one"));
            ReportVariables vars = ReportVariables.of(execution);
            sender.send(vars.reportId(), vars.reportTitle(), alert);
        };
    }

    JavaDelegate planNext() {
        return execution -> {
            ReportVariables vars = ReportVariables.of(execution);
            watch.planAfterSent(execution, vars.openedAt(), vars.dueAt(), clock.instant());
        };
    }

    /** Versions before the modelled chain: sends what is due and sets the next alert in one step. */
    JavaDelegate send() {
        return execution -> {
            Instant now = clock.instant();
            ReportVariables vars = ReportVariables.of(execution);
            Instant openedAt = vars.openedAt();
            Instant dueAt = vars.dueAt();
            ReminderPolicy policy = WatcherVariables.readPolicy(execution);
            for (DeadlineAlert alert : schedule.due(openedAt, dueAt, policy, WatcherVariables.nextAlertAt(execution),
                    now)) {
                sender.send(vars.reportId(), vars.reportTitle(), alert);
            }
            WatcherVariables.writeNextAlert(execution, schedule.next(openedAt, dueAt, policy, now));
        };
    }
}
