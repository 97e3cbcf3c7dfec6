package vn.dieuhanh.assignment;

/** Process {@code instant-assignment}: a leader assigns a task directly to a unit or one of its officials. */
public final class InstantAssignmentProcess {

    public static final String KEY = "instant-assignment";
    public static final String FORM_START = "instant-assignment";

    public static final String START_TASK_ASSIGNED = "StartEvent_TaskAssigned";
    public static final String SERVICE_CREATE_ASSIGNMENT = "ServiceTask_CreateAssignment";
    public static final String CALL_ASSIGNMENT_LIFECYCLE = "CallActivity_AssignmentLifecycle";
    public static final String END_TASK_FINISHED = "EndEvent_TaskFinished";

    /** Set by the engine to the authenticated user who started the process. */
    public static final String VAR_ASSIGNED_BY = "assignedBy";
    public static final String VAR_UNIT_CODE = AssignmentLifecycleProcess.VAR_UNIT_CODE;
    /** Optional: an official of the unit who receives the task directly instead of the unit head. */
    public static final String VAR_ASSIGNEE = "assignee";
    public static final String VAR_TITLE = AssignmentLifecycleProcess.VAR_TITLE;
    public static final String VAR_DESCRIPTION = AssignmentLifecycleProcess.VAR_DESCRIPTION;
    public static final String VAR_URGENCY = "urgency";
    /** Either a number of working days ... */
    public static final String VAR_DEADLINE_WORKING_DAYS = "deadlineWorkingDays";
    /** ... or a date (yyyy-MM-dd). */
    public static final String VAR_DEADLINE_DATE = "deadlineDate";
    public static final String VAR_ASSIGNMENT_ID = AssignmentLifecycleProcess.VAR_ASSIGNMENT_ID;

    private InstantAssignmentProcess() {
    }
}
