package vn.dieuhanh.indicator.internal.reporting;

import vn.dieuhanh.deadline.WatcherVariables;

/** Key, element ids and variables of {@code processes/indicator/indicator-report.bpmn} (one unit's report). */
public final class IndicatorReportProcess {

    public static final String KEY = "indicator-report";

    public static final String START_REPORT_REQUESTED = "StartEvent_ReportRequested";
    public static final String SERVICE_OPEN_REPORT = "ServiceTask_OpenReport";
    public static final String SERVICE_PLAN_REPORT_ALERTS = "ServiceTask_PlanReportAlerts";
    public static final String SUBPROCESS_FILE_REPORT = "SubProcess_FileReport";
    /** Converging gateway: the first filling and each return by the head lead to the fill-in task. */
    public static final String GATEWAY_BACK_TO_FILLING = "Gateway_BackToFilling";
    public static final String TASK_FILL_REPORT = "Task_FillReport";
    /** Checks and records the submitted values (a refusal fails the unit's completion: nothing is saved). */
    public static final String SERVICE_RECORD_SUBMISSION = "ServiceTask_RecordReportSubmission";
    public static final String TASK_REVIEW_REPORT = "Task_ReviewReport";
    public static final String SERVICE_RECORD_DECISION = "ServiceTask_RecordReportDecision";
    public static final String GATEWAY_REPORT_APPROVED = "Gateway_ReportApproved";
    public static final String END_REPORT_APPROVED = "EndEvent_ReportApproved";
    /** Converging gateway: the watcher waits for its first and each next alert point. */
    public static final String GATEWAY_BACK_TO_WATCH = "Gateway_BackToWatch";
    public static final String TIMER_NEXT_REPORT_ALERT = "Timer_NextReportAlert";
    /** The chain, one alert per turn: which alert is due, one task per kind, then the next alert point. */
    public static final String SERVICE_SELECT_DUE_ALERT = "ServiceTask_SelectDueReportAlert";
    public static final String GATEWAY_WHICH_ALERT = "Gateway_WhichReportAlert";
    public static final String SERVICE_SEND_REMINDER = "ServiceTask_SendReportReminder";
    public static final String SERVICE_SEND_OVERDUE_ALERT = "ServiceTask_SendReportOverdueAlert";
    public static final String SERVICE_SEND_OVERDUE_REMINDER = "ServiceTask_SendReportOverdueReminder";
    public static final String SERVICE_ESCALATE_TO_HEAD = "ServiceTask_EscalateReportToHead";
    public static final String SERVICE_ESCALATE_TO_LEADERS = "ServiceTask_EscalateReportToCityLeaders";
    public static final String GATEWAY_ALERT_HANDLED = "Gateway_ReportAlertHandled";
    public static final String SERVICE_PLAN_NEXT_ALERT = "ServiceTask_PlanNextReportAlert";
    public static final String END_REPORT_FILED = "EndEvent_ReportFiled";

    /** The report ({@code ind_report.id}), passed in by the campaign. */
    public static final String VAR_REPORT_ID = "reportId";
    public static final String VAR_CAMPAIGN_ID = "campaignId";
    /** The reporting unit; also the candidate group of the fill-in task. */
    public static final String VAR_UNIT_CODE = "unitCode";
    public static final String VAR_PERIOD = "period";
    /** "Báo cáo chỉ tiêu tháng 3/2026 – Phường Sài Gòn", shown in forms and messages. */
    public static final String VAR_REPORT_TITLE = "reportTitle";
    /** Due date (Date): the fill-in task's due date and the basis of the alerts. */
    public static final String VAR_DUE_AT = "dueAt";
    /** The due date written the Vietnamese way. */
    public static final String VAR_DUE_TEXT = "dueText";
    /** When the report was requested (the alert schedule starts there). */
    public static final String VAR_OPENED_AT = "openedAt";
    /** The unit head's user id: the approver. */
    public static final String VAR_REVIEWER = "reviewer";
    /**
     * The codes the unit reports in the period (JSON array): the form shows those indicators' fields, named
     * {@code ind_<CODE>} and {@code note_<CODE>} (see {@link ReportFormFields}).
     */
    public static final String VAR_INDICATOR_CODES = "indicatorCodes";
    /** The submitted values as text, for the head's form. */
    public static final String VAR_REPORT_SUMMARY = "reportSummary";
    /** The head's choice in the form: {@code approve} or {@code reject} (REST sends the same). */
    public static final String VAR_REPORT_DECISION = "reportDecision";
    public static final String DECISION_APPROVE = "approve";
    public static final String DECISION_REJECT = "reject";
    /** The head's reason (required when rejecting). */
    public static final String VAR_DECISION_REASON = "decisionReason";
    /** Set by the decision listener, read by {@code Gateway_ReportApproved}. */
    public static final String VAR_REPORT_APPROVED = "reportApproved";
    /** The official who completed the last step (audit). */
    public static final String VAR_LAST_ACTOR = "lastActor";

    /** The deadline watcher: the pending alert. */
    public static final String VAR_NEXT_ALERT_AT = WatcherVariables.VAR_NEXT_ALERT_AT;
    public static final String VAR_NEXT_ALERT_KIND = WatcherVariables.VAR_NEXT_ALERT_KIND;
    public static final String VAR_NEXT_ALERT_OCCURRENCE = WatcherVariables.VAR_NEXT_ALERT_OCCURRENCE;

    /** The reminder-policy inputs for reports. */
    public static final String POLICY_URGENCY = "NORMAL";
    public static final String POLICY_SOURCE = "PERIODIC_REPORT";

    private IndicatorReportProcess() {
    }
}
