package vn.dieuhanh.assignment;

import vn.dieuhanh.deadline.ReminderPolicy;
import vn.dieuhanh.deadline.WatcherVariables;

/** Process {@code assignment-lifecycle}: the life every assignment shares, from receipt to accepted result. */
public final class AssignmentLifecycleProcess {

    public static final String KEY = "assignment-lifecycle";

    public static final String START_ASSIGNMENT_RECEIVED = "StartEvent_AssignmentReceived";
    /** Converging gateway: the start, a returned result, a delegation and an extension decision lead to handling. */
    public static final String GATEWAY_BACK_TO_HANDLING = "Gateway_BackToHandling";
    public static final String TASK_HANDLE_ASSIGNMENT = "Task_HandleAssignment";
    public static final String GATEWAY_HANDLING_DECISION = "Gateway_HandlingDecision";
    public static final String SERVICE_RECORD_DELEGATION = "ServiceTask_RecordDelegation";
    public static final String SERVICE_RECORD_REPORT = "ServiceTask_RecordReport";
    public static final String SERVICE_RECORD_EXTENSION_REQUEST = "ServiceTask_RecordExtensionRequest";
    public static final String TASK_REVIEW_EXTENSION = "Task_ReviewExtension";
    public static final String SERVICE_RECORD_EXTENSION_DECISION = "ServiceTask_RecordExtensionDecision";
    /** Approved or refused, the holder goes back to handling (with the new or the old deadline). */
    public static final String GATEWAY_EXTENSION_APPROVED = "Gateway_ExtensionApproved";
    public static final String TASK_REVIEW_RESULT = "Task_ReviewResult";
    public static final String SERVICE_RECORD_REVIEW = "ServiceTask_RecordReview";
    public static final String GATEWAY_RESULT_ACCEPTED = "Gateway_ResultAccepted";
    public static final String END_ASSIGNMENT_COMPLETED = "EndEvent_AssignmentCompleted";
    public static final String SERVICE_OPEN_ASSIGNMENT = "ServiceTask_OpenAssignment";
    public static final String SUBPROCESS_CANCELLATION = "SubProcess_Cancellation";
    public static final String START_CANCELLATION_REQUESTED = "StartEvent_CancellationRequested";
    public static final String SERVICE_RECORD_CANCELLATION = "ServiceTask_RecordCancellation";
    public static final String END_ASSIGNMENT_CANCELLED = "EndEvent_AssignmentCancelled";
    // deadline alerts: the work runs in a sub-process beside a watcher that fires one alert point after the other
    public static final String SERVICE_PLAN_DEADLINE_ALERTS = "ServiceTask_PlanDeadlineAlerts";
    public static final String SUBPROCESS_CARRY_OUT = "SubProcess_CarryOutAssignment";
    public static final String START_CARRY_OUT = "StartEvent_CarryOutStarted";
    public static final String GATEWAY_WORK_AND_WATCH = "Gateway_WorkAndWatchDeadline";
    /** Converging gateway: the watcher waits for its first and each next alert point. */
    public static final String GATEWAY_BACK_TO_WATCH = "Gateway_BackToWatch";
    public static final String TIMER_NEXT_DEADLINE_ALERT = "Timer_NextDeadlineAlert";
    /** The chain, one alert per turn: which alert is due, one task per kind, then the next alert point. */
    public static final String SERVICE_SELECT_DUE_ALERT = "ServiceTask_SelectDueDeadlineAlert";
    public static final String GATEWAY_WHICH_ALERT = "Gateway_WhichDeadlineAlert";
    public static final String SERVICE_SEND_REMINDER = "ServiceTask_SendReminder";
    public static final String SERVICE_SEND_OVERDUE_ALERT = "ServiceTask_SendOverdueAlert";
    public static final String SERVICE_ESCALATE_TO_HEAD = "ServiceTask_EscalateToHead";
    public static final String SERVICE_ESCALATE_TO_LEADER = "ServiceTask_EscalateToLeader";
    public static final String GATEWAY_ALERT_HANDLED = "Gateway_DeadlineAlertHandled";
    public static final String SERVICE_PLAN_NEXT_ALERT = "ServiceTask_PlanNextDeadlineAlert";
    /** Terminate end event: the accepted result ends the work and the watcher (its pending timer is deleted). */
    public static final String END_RESULT_ACCEPTED = "EndEvent_ResultAccepted";

    public static final String MESSAGE_CANCEL = "Message_AssignmentCancellationRequested";

    public static final String FORM_HANDLE = "handle-assignment";
    public static final String FORM_REVIEW_RESULT = "review-assignment-result";
    public static final String FORM_REVIEW_EXTENSION = "review-extension-request";

    // --- variables ---
    public static final String VAR_ASSIGNMENT_ID = "assignmentId";
    public static final String VAR_UNIT_CODE = "unitCode";
    public static final String VAR_TITLE = "title";
    public static final String VAR_DESCRIPTION = "description";
    public static final String VAR_DEADLINE = "deadline";
    /** The deadline written the Vietnamese way, for forms ("hết ngày 16/03/2026 (thứ Hai)"). */
    public static final String VAR_DEADLINE_TEXT = "deadlineText";
    public static final String VAR_HOLDER_GROUP = "holderGroup";
    public static final String VAR_HOLDER_USER = "holderUser";
    public static final String VAR_REVIEWER = "reviewer";
    public static final String VAR_LAST_ACTOR = "lastActor";
    /** Options for the delegation picker of the handling form: divisions and officials of the unit (JSON). */
    public static final String VAR_DELEGATION_OPTIONS = "delegationOptions";
    public static final String VAR_HANDLING_DECISION = "handlingDecision";
    public static final String DECISION_DELEGATE = "delegate";
    public static final String DECISION_REPORT = "report";
    public static final String DECISION_REQUEST_EXTENSION = "requestExtension";
    public static final String VAR_DELEGATE_TO = "delegateTo";
    public static final String VAR_HANDLING_NOTE = "handlingNote";
    public static final String VAR_RESULT_SUMMARY = "resultSummary";
    public static final String VAR_PROPOSED_DEADLINE = "proposedDeadline";
    /** The proposed deadline as the legal deadline instant, set once the request is recorded (for the review). */
    public static final String VAR_PROPOSED_DEADLINE_AT = "proposedDeadlineAt";
    public static final String VAR_PROPOSED_DEADLINE_TEXT = "proposedDeadlineText";
    public static final String VAR_EXTENSION_REASON = "extensionReason";
    public static final String VAR_EXTENSION_APPROVED = "extensionApproved";
    public static final String VAR_EXTENSION_DECISION_NOTE = "extensionDecisionNote";
    public static final String VAR_RESULT_ACCEPTED = "resultAccepted";
    public static final String VAR_REVIEW_NOTE = "reviewNote";
    public static final String VAR_CANCEL_REASON = "cancelReason";
    /** The latest messages of the assignment's conversation, shown read-only in the handling and review forms. */
    public static final String VAR_CONVERSATION = "conversation";
    /** How the assignment ended, for the calling process: {@link #OUTCOME_COMPLETED} or {@link #OUTCOME_CANCELLED}. */
    public static final String VAR_ASSIGNMENT_OUTCOME = "assignmentOutcome";
    public static final String OUTCOME_COMPLETED = "completed";
    public static final String OUTCOME_CANCELLED = "cancelled";
    /** Who assigned it (escalations reach them last), when, how urgent and from where (the policy's inputs). */
    public static final String VAR_ASSIGNED_BY = "assignedBy";
    public static final String VAR_ASSIGNED_AT = "assignedAt";
    public static final String VAR_URGENCY = "urgency";
    public static final String VAR_SOURCE = "source";
    /** The assignment's alert policy, read from the decision table once when it opens (primitive variables). */
    public static final String VAR_FIRST_REMINDER_PERCENT = ReminderPolicy.OUT_FIRST_REMINDER_PERCENT;
    public static final String VAR_SECOND_REMINDER_PERCENT = ReminderPolicy.OUT_SECOND_REMINDER_PERCENT;
    public static final String VAR_REMINDER_WORKING_DAYS_BEFORE = ReminderPolicy.OUT_REMINDER_WORKING_DAYS_BEFORE;
    public static final String VAR_WARNING_WINDOW_WORKING_DAYS = ReminderPolicy.OUT_WARNING_WINDOW_WORKING_DAYS;
    public static final String VAR_DAILY_OVERDUE_REMINDERS = ReminderPolicy.OUT_DAILY_OVERDUE_REMINDERS;
    public static final String VAR_ESCALATE_TO_HEAD_AFTER_OVERDUE_DAYS =
            ReminderPolicy.OUT_ESCALATE_TO_HEAD_AFTER_OVERDUE_DAYS;
    public static final String VAR_ESCALATE_TO_LEADER_AFTER_OVERDUE_DAYS =
            ReminderPolicy.OUT_ESCALATE_TO_LEADER_AFTER_OVERDUE_DAYS;
    /** The watcher's pending alert: {@code Timer_NextDeadlineAlert} fires at {@code ${nextAlertAt}}. */
    public static final String VAR_NEXT_ALERT_AT = WatcherVariables.VAR_NEXT_ALERT_AT;
    public static final String VAR_NEXT_ALERT_KIND = WatcherVariables.VAR_NEXT_ALERT_KIND;
    public static final String VAR_NEXT_ALERT_OCCURRENCE = WatcherVariables.VAR_NEXT_ALERT_OCCURRENCE;

    private AssignmentLifecycleProcess() {
    }
}
