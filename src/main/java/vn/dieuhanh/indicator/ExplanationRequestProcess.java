package vn.dieuhanh.indicator;

/**
 * Process {@code explanation-request} (yêu cầu giải trình): a leader asks a unit to explain an indicator; the unit
 * explains in Tasklist by a deadline in working days (the unit head and the requester are told when it passes); the
 * requester accepts the explanation or asks again with a follow-up question and a new deadline.
 */
public final class ExplanationRequestProcess {

    public static final String KEY = "explanation-request";
    public static final String FORM_EXPLAIN = "explain-indicator";
    public static final String FORM_REVIEW = "review-indicator-explanation";

    public static final String START_REQUESTED = "StartEvent_ExplanationRequested";
    /** Converging gateway: the first request and each "ask again" lead to the explanation. */
    public static final String GATEWAY_BACK_TO_EXPLANATION = "Gateway_BackToExplanation";
    public static final String TASK_EXPLAIN = "Task_ExplainIndicator";
    public static final String TIMER_DEADLINE = "Timer_ExplanationDeadline";
    public static final String SERVICE_NOTIFY_OVERDUE = "ServiceTask_NotifyExplanationOverdue";
    public static final String END_OVERDUE_NOTIFIED = "EndEvent_OverdueNotified";
    public static final String SERVICE_RECORD_EXPLANATION = "ServiceTask_RecordExplanation";
    public static final String TASK_REVIEW = "Task_ReviewExplanation";
    public static final String SERVICE_RECORD_REVIEW = "ServiceTask_RecordReview";
    public static final String GATEWAY_ACCEPTED = "Gateway_ExplanationAccepted";
    public static final String END_ACCEPTED = "EndEvent_ExplanationAccepted";

    /** Beans called by the service tasks. */
    public static final String BEAN_RECORD_EXPLANATION = "recordExplanation";
    public static final String BEAN_RECORD_REVIEW = "recordExplanationReview";
    public static final String BEAN_NOTIFY_OVERDUE = "notifyExplanationOverdue";

    /** Id of the request row (ind_explanation_request). */
    public static final String VAR_REQUEST_ID = "requestId";
    /** The unit asked; its Camunda group is the candidate group of the explanation task. */
    public static final String VAR_UNIT_CODE = "unitCode";
    public static final String VAR_UNIT_NAME = "unitName";
    public static final String VAR_INDICATOR_CODE = "indicatorCode";
    public static final String VAR_INDICATOR_NAME = "indicatorName";
    /** Period label (2026-03) or empty; {@link #VAR_PERIOD_TEXT} is the Vietnamese label. */
    public static final String VAR_PERIOD = "period";
    public static final String VAR_PERIOD_TEXT = "periodText";
    /** The question of the current round. */
    public static final String VAR_QUESTION = "question";
    /** User id of the requester, assignee of the review task. */
    public static final String VAR_REQUESTED_BY = "requestedBy";
    public static final String VAR_REQUESTED_BY_NAME = "requestedByName";
    public static final String VAR_WORKING_DAYS = "workingDays";
    /** Deadline of the current round (Date); the boundary timer and the task due date reference it. */
    public static final String VAR_DEADLINE = "deadline";
    public static final String VAR_DEADLINE_TEXT = "deadlineText";
    /** Round number, 1 for the first question, +1 each time the requester asks again. */
    public static final String VAR_ROUND = "round";
    /** The unit's answer (form field of explain-indicator). */
    public static final String VAR_EXPLANATION = "explanation";
    /** The requester's decision (form field of review-indicator-explanation): true accepts. */
    public static final String VAR_EXPLANATION_ACCEPTED = "explanationAccepted";
    /** The requester's note; when asking again, the follow-up question. */
    public static final String VAR_REVIEW_NOTE = "reviewNote";

    private ExplanationRequestProcess() {
    }
}
