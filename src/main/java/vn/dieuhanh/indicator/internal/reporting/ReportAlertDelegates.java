package vn.dieuhanh.indicator.internal.reporting;

import static vn.dieuhanh.deadline.ReminderPolicy.*;
import static vn.dieuhanh.indicator.internal.reporting.IndicatorReportProcess.*;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.dieuhanh.deadline.AlertSchedule;
import vn.dieuhanh.deadline.DeadlineAlert;
import vn.dieuhanh.deadline.ReminderPolicies;
import vn.dieuhanh.deadline.ReminderPolicy;

/**
 * The report's deadline watcher, the same way assignments do it: {@code ${planReportAlerts}} reads the policy
 * ({@code reminder-policy}, source {@value IndicatorReportProcess#POLICY_SOURCE}) once and sets the first alert;
 * {@code ${sendReportAlert}} sends what is due when {@code Timer_NextReportAlert} fires and sets the next one.
 */
@Component
class ReportAlertDelegates {

    private final ReminderPolicies policies;
    private final AlertSchedule schedule;
    private final ReportAlertSender sender;

    ReportAlertDelegates(ReminderPolicies policies, AlertSchedule schedule, ReportAlertSender sender) {
        this.policies = policies;
        this.schedule = schedule;
        this.sender = sender;
    }

    JavaDelegate plan() {
        return execution -> {
            ReminderPolicy policy = policies.policyFor(POLICY_URGENCY, POLICY_SOURCE);
            execution.setVariable(OUT_REMINDER_PERCENTS, policy.percentsText());
            execution.setVariable(OUT_REMINDER_WORKING_DAYS_BEFORE, policy.reminderWorkingDaysBefore());
            execution.setVariable(OUT_WARNING_WINDOW_WORKING_DAYS, policy.warningWindowWorkingDays());
            execution.setVariable(OUT_DAILY_OVERDUE_REMINDERS, policy.dailyOverdueReminders());
            execution.setVariable(OUT_ESCALATE_TO_HEAD_AFTER_OVERDUE_DAYS, policy.escalateToHeadAfterOverdueDays());
            execution.setVariable(OUT_ESCALATE_TO_LEADER_AFTER_OVERDUE_DAYS,
                    policy.escalateToLeaderAfterOverdueDays());
            // a campaign opened after its due date still announces the lateness (the timer fires at once)
            Instant dueAt = moment(execution, VAR_DUE_AT);
            Instant now = ReportingClock.now();
            setNext(execution, schedule.next(moment(execution, VAR_OPENED_AT), dueAt, policy,
                    now.isAfter(dueAt) ? dueAt : now));
        };
    }

    JavaDelegate send() {
        return execution -> {
            Instant now = ReportingClock.now();
            Instant openedAt = moment(execution, VAR_OPENED_AT);
            Instant dueAt = moment(execution, VAR_DUE_AT);
            ReminderPolicy policy = policy(execution);
            String reportId = (String) execution.getVariable(VAR_REPORT_ID);
            for (DeadlineAlert alert : schedule.due(openedAt, dueAt, policy, moment(execution, VAR_NEXT_ALERT_AT),
                    now)) {
                sender.send(reportId, (String) execution.getVariable(VAR_REPORT_TITLE), alert);
            }
            setNext(execution, schedule.next(openedAt, dueAt, policy, now));
        };
    }

    private static ReminderPolicy policy(DelegateExecution execution) {
        return new ReminderPolicy(parsePercents((String) execution.getVariable(OUT_REMINDER_PERCENTS)),
                number(execution, OUT_REMINDER_WORKING_DAYS_BEFORE), number(execution, OUT_WARNING_WINDOW_WORKING_DAYS),
                Boolean.TRUE.equals(execution.getVariable(OUT_DAILY_OVERDUE_REMINDERS)),
                number(execution, OUT_ESCALATE_TO_HEAD_AFTER_OVERDUE_DAYS),
                number(execution, OUT_ESCALATE_TO_LEADER_AFTER_OVERDUE_DAYS));
    }

    private static void setNext(DelegateExecution execution, Optional<DeadlineAlert> next) {
        execution.setVariable(VAR_NEXT_ALERT_AT, Date.from(next.map(DeadlineAlert::at).orElse(AlertSchedule.NEVER)));
        execution.setVariable(VAR_NEXT_ALERT_KIND, next.map(a -> a.kind().name()).orElse(null));
        execution.setVariable(VAR_NEXT_ALERT_OCCURRENCE, next.map(DeadlineAlert::occurrence).orElse(0));
    }

    private static Instant moment(DelegateExecution execution, String name) {
        return ((Date) execution.getVariable(name)).toInstant();
    }

    private static int number(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? 0 : ((Number) value).intValue();
    }
}
