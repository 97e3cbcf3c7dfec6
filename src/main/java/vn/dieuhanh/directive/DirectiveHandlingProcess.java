package vn.dieuhanh.directive;

/** Process {@code directive-handling}: registering a directive and carrying it out through assignments. */
public final class DirectiveHandlingProcess {

    public static final String KEY = "directive-handling";
    public static final String FORM_REGISTER = "register-directive";
    public static final String FORM_ASSIGN = "assign-directive";
    public static final String FORM_CONFIRM_ASSIGNMENT = "confirm-directive-assignment";
    public static final String FORM_CLOSE_WITH_OPEN_WORK = "close-directive-with-open-work";

    public static final String START_DIRECTIVE_RECEIVED = "StartEvent_DirectiveReceived";
    public static final String SERVICE_REGISTER_DIRECTIVE = "ServiceTask_RegisterDirective";
    public static final String GATEWAY_ALREADY_ASSIGNED = "Gateway_AlreadyAssigned";
    /** Converging gateway: the leader's form, first time or after "Sửa lại". */
    public static final String GATEWAY_ASSIGN_OR_REVISE = "Gateway_AssignOrRevise";
    public static final String TASK_ASSIGN_DIRECTIVE = "Task_AssignDirective";
    /** Checks the leader's plan and computes every unit's deadline in working days, for the leader to confirm. */
    public static final String SERVICE_COMPUTE_DEADLINES = "ServiceTask_ComputeDeadlines";
    /** The same leader reviews the computed deadlines: confirm (the assignments are created) or revise. */
    public static final String TASK_CONFIRM_ASSIGNMENT = "Task_ConfirmAssignment";
    public static final String GATEWAY_ASSIGNMENT_CONFIRMED = "Gateway_AssignmentConfirmed";
    /** Converging gateway: assigned at registration or by the leader, the plan follows. */
    public static final String GATEWAY_READY_TO_PLAN = "Gateway_ReadyToPlan";
    public static final String SERVICE_PLAN_ASSIGNMENTS = "ServiceTask_PlanAssignments";
    public static final String CALL_LEAD_ASSIGNMENT = "CallActivity_LeadAssignment";
    public static final String CALL_COORDINATING_ASSIGNMENTS = "CallActivity_CoordinatingAssignments";
    public static final String CALL_INFORM_UNITS = "CallActivity_InformUnits";
    public static final String GATEWAY_LEAD_OUTCOME = "Gateway_LeadOutcome";
    /** The lead's result was accepted: what coordinating or acknowledgement work is still open? */
    public static final String SERVICE_FIND_OPEN_WORK = "ServiceTask_FindOpenWork";
    public static final String GATEWAY_OPEN_WORK = "Gateway_OpenWork";
    /** The directive's assigner decides: wait for the open work, or close now and cancel it. */
    public static final String TASK_DECIDE_ON_OPEN_WORK = "Task_DecideOnOpenWork";
    public static final String SERVICE_RECORD_CLOSE_DECISION = "ServiceTask_RecordCloseDecision";
    public static final String GATEWAY_CLOSE_NOW = "Gateway_CloseNow";
    public static final String SERVICE_CANCEL_OPEN_WORK = "ServiceTask_CancelOpenWork";
    /** Joins the lead's branch (after "wait") with the coordinating and informing branches once they are done. */
    public static final String GATEWAY_ALL_WORK_DONE = "Gateway_AllWorkDone";
    public static final String GATEWAY_READY_TO_CLOSE = "Gateway_ReadyToClose";
    public static final String SERVICE_CLOSE_DIRECTIVE = "ServiceTask_CloseDirective";
    public static final String END_DIRECTIVE_COMPLETED = "EndEvent_DirectiveCompleted";
    public static final String SERVICE_STOP_DIRECTIVE = "ServiceTask_StopDirective";
    public static final String END_DIRECTIVE_STOPPED = "EndEvent_DirectiveStopped";

    // --- registration (start form / REST) ---
    public static final String VAR_SOURCE = "source";
    public static final String VAR_DOCUMENT_NUMBER = "documentNumber";
    public static final String VAR_ISSUED_ON = "issuedOn";
    public static final String VAR_RECEIVED_ON = "receivedOn";
    public static final String VAR_SUMMARY = "summary";
    public static final String VAR_URGENCY = "urgency";
    public static final String VAR_ATTACHMENT_REF = "attachmentRef";
    /** Set by the engine to the authenticated user who registered the directive. */
    public static final String VAR_REGISTERED_BY = "registeredBy";
    public static final String VAR_DIRECTIVE_ID = "directiveId";
    /** Options of the unit pickers of the assignment form ({@code [{label, value}]}, JSON). */
    public static final String VAR_UNIT_OPTIONS = "unitOptions";

    // --- assignment (leader's form / REST) ---
    public static final String VAR_ASSIGNMENT_PLANNED = "assignmentPlanned";
    public static final String VAR_ASSIGNED_BY = "assignedBy";
    public static final String VAR_LEAD_UNIT = "leadUnit";
    public static final String VAR_DEADLINE_WORKING_DAYS = "deadlineWorkingDays";
    public static final String VAR_DEADLINE_DATE = "deadlineDate";
    public static final String VAR_COORDINATING_UNITS = "coordinatingUnits";
    /** One deadline for every coordinating unit, in working days (the form's shortcut). */
    public static final String VAR_COORDINATING_WORKING_DAYS = "coordinatingWorkingDays";
    /** Per-unit deadlines (REST): JSON {@code {"<unit>": {"workingDays": 5} | {"date": "2026-03-10"}}}. */
    public static final String VAR_COORDINATING_DEADLINES = "coordinatingDeadlines";
    /**
     * Per-unit deadlines as the Tasklist form's dynamic list submits them: JSON
     * {@code [{"unit": "<unit>", "workingDays": 5}]}; a unit listed here overrides the common deadline.
     */
    public static final String VAR_COORDINATING_DEADLINE_LIST = "coordinatingDeadlineList";
    public static final String VAR_INFORMED_UNITS = "informedUnits";
    public static final String VAR_ASSIGNMENT_NOTE = "assignmentNote";

    // --- review of the computed deadlines ---
    /** Written by {@code computeDirectiveDeadlines}: the plan with each unit's computed deadline, as text (read-only). */
    public static final String VAR_DEADLINE_PREVIEW = "deadlinePreview";
    /** The leader who filled the assignment form (the login), assignee of the confirmation task. */
    public static final String VAR_ASSIGNMENT_CONFIRMER = "assignmentConfirmer";
    /** The leader's choice: {@link #CONFIRMATION_CONFIRM} or {@link #CONFIRMATION_REVISE}. */
    public static final String VAR_ASSIGNMENT_CONFIRMATION = "assignmentConfirmation";
    public static final String CONFIRMATION_CONFIRM = "confirm";
    public static final String CONFIRMATION_REVISE = "revise";

    // --- planned ---
    public static final String VAR_LEAD_ASSIGNMENT_ID = "leadAssignmentId";
    public static final String VAR_COORDINATING_ASSIGNMENT_IDS = "coordinatingAssignmentIds";
    /** How the lead assignment ended: {@code completed} or {@code cancelled} (its lifecycle's assignmentOutcome). */
    public static final String VAR_LEAD_OUTCOME = "leadOutcome";

    // --- closing while work is open ---
    /** Set by {@code findOpenDirectiveWork}: whether coordinating or acknowledgement work is still open. */
    public static final String VAR_OPEN_WORK_REMAINING = "openWorkRemaining";
    /** What is still open, as text for the decision form (read-only there). */
    public static final String VAR_OPEN_WORK = "openWork";
    /** The directive's assigner (from the directive's record), assignee of the decision task. */
    public static final String VAR_CLOSE_DECIDER = "closeDecider";
    /** The assigner's choice: {@link #DECISION_WAIT} or {@link #DECISION_CLOSE_NOW}. */
    public static final String VAR_CLOSE_DECISION = "closeDecision";
    /** Why the remaining work is cancelled (required with {@link #DECISION_CLOSE_NOW}). */
    public static final String VAR_CLOSE_REASON = "closeReason";
    /** Who completed the last user task (the assignment capability's {@code rememberCompleter} listener). */
    public static final String VAR_LAST_ACTOR = vn.dieuhanh.assignment.AssignmentLifecycleProcess.VAR_LAST_ACTOR;
    public static final String DECISION_WAIT = "wait";
    public static final String DECISION_CLOSE_NOW = "closeNow";

    private DirectiveHandlingProcess() {
    }
}
