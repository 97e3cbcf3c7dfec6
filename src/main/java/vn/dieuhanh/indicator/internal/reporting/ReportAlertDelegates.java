package vn.dieuhanh.indicator.internal.reporting;

import static vn.dieuhanh.indicator.internal.reporting.IndicatorReportProcess.*;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
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

    ReportAlertDelegates(ReminderPolicies policies, AlertSchedule schedule, ReportAlertSender sender) {
        this.policies = policies;
        this.schedule = schedule;
        this.sender = sender;
        this.watch = new DeadlineWatch(schedule);
    }

    JavaDelegate plan() {
        return execution -> {
            ReminderPolicy policy = policies.policyFor(POLICY_URGENCY, POLICY_SOURCE);
            WatcherVariables.writePolicy(execution, policy);
            // a campaign opened after its due date still announces the lateness (the timer fires at once)
            Instant dueAt = moment(execution, VAR_DUE_AT);
            Instant now = ReportingClock.now();
            WatcherVariables.writeNextAlert(execution, schedule.next(moment(execution, VAR_OPENED_AT), dueAt, policy,
                    now.isAfter(dueAt) ? dueAt : now));
        };
    }

    JavaDelegate selectDue() {
        return execution -> watch.selectDue(execution, moment(execution, VAR_OPENED_AT), moment(execution, VAR_DUE_AT),
                ReportingClock.now());
    }

    JavaDelegate sendDue() {
        return execution -> {
            DeadlineAlert alert = WatcherVariables.readNextAlert(execution).orElseThrow(() ->
                    new IllegalStateException("No alert selected: the gateway routes here only with one"));
            sender.send((String) execution.getVariable(VAR_REPORT_ID),
                    (String) execution.getVariable(VAR_REPORT_TITLE), alert);
        };
    }

    JavaDelegate planNext() {
        return execution -> watch.planAfterSent(execution, moment(execution, VAR_OPENED_AT),
                moment(execution, VAR_DUE_AT), ReportingClock.now());
    }

    /** Versions before the modelled chain: sends what is due and sets the next alert in one step. */
    JavaDelegate send() {
        return execution -> {
            Instant now = ReportingClock.now();
            Instant openedAt = moment(execution, VAR_OPENED_AT);
            Instant dueAt = moment(execution, VAR_DUE_AT);
            ReminderPolicy policy = WatcherVariables.readPolicy(execution);
            String reportId = (String) execution.getVariable(VAR_REPORT_ID);
            for (DeadlineAlert alert : schedule.due(openedAt, dueAt, policy, moment(execution, VAR_NEXT_ALERT_AT),
                    now)) {
                sender.send(reportId, (String) execution.getVariable(VAR_REPORT_TITLE), alert);
            }
            WatcherVariables.writeNextAlert(execution, schedule.next(openedAt, dueAt, policy, now));
        };
    }

    private static Instant moment(DelegateExecution execution, String name) {
        return ((Date) execution.getVariable(name)).toInstant();
    }
}
