package vn.dieuhanh.dossier.internal;

/** Key, element ids and variables of {@code processes/dossier/dossier-handling.bpmn}. Business key: the dossier code. */
public final class DossierHandlingProcess {

    public static final String KEY = "dossier-handling";

    public static final String START_DOSSIER_RECEIVED = "StartEvent_DossierReceived";
    public static final String SERVICE_TRANSFER = "ServiceTask_TransferDossier";
    public static final String SUBPROCESS_HANDLE = "SubProcess_HandleDossier";
    public static final String TASK_PROCESS = "Task_ProcessDossier";
    public static final String TASK_APPROVE = "Task_ApproveDossier";
    public static final String TASK_SIGN = "Task_SignDossierResult";
    public static final String TIMER_APOLOGY_DUE = "StartEvent_ApologyDue";
    public static final String TIMER_APPOINTMENT_PASSED = "StartEvent_AppointmentPassed";
    public static final String SERVICE_WARN_DUE_SOON = "ServiceTask_WarnDueSoon";
    public static final String TASK_ISSUE_APOLOGY = "Task_IssueApology";
    public static final String TIMER_LATE_ESCALATION = "StartEvent_LateEscalationDue";
    public static final String SERVICE_ESCALATE_LATE = "ServiceTask_EscalateLateDossier";
    public static final String SERVICE_RECORD_LATE = "ServiceTask_RecordLate";
    public static final String SERVICE_PAUSE_CLOCK = "ServiceTask_PauseClock";
    public static final String TASK_RECEIVE_SUPPLEMENT = "Task_ReceiveSupplement";
    public static final String SERVICE_RESUME_CLOCK = "ServiceTask_ResumeClock";
    public static final String TASK_RETURN_RESULT = "Task_ReturnResult";
    public static final String END_RESULT_RETURNED = "EndEvent_ResultReturned";
    public static final String END_APOLOGY_ISSUED = "EndEvent_ApologyIssued";
    public static final String END_LATE_RECORDED = "EndEvent_LateRecorded";
    public static final String END_LATE_ESCALATED = "EndEvent_LateEscalated";

    /** The competent unit: candidate group of the unit's tasks. */
    public static final String VAR_UNIT_CODE = "unitCode";
    /** The reception point's host unit: candidate group of the supplement and return tasks. */
    public static final String VAR_RECEPTION_GROUP = "receptionGroup";
    public static final String VAR_APPROVER = "approver";
    public static final String VAR_SIGNER = "signer";
    /** The appointment (Date): the tasks' due date and the late timer. */
    public static final String VAR_APPOINTMENT_AT = "appointmentAt";
    /** When the apology letter falls due (Date): the apology timer. */
    public static final String VAR_APOLOGY_DUE_AT = "apologyDueAt";
    /** When a still unfinished dossier is reported to the City PC Office (Date): the escalation timer. */
    public static final String VAR_LATE_ESCALATION_AT = "lateEscalationAt";
    public static final String VAR_APPOINTMENT_TEXT = "appointmentText";
    public static final String VAR_DOSSIER_TITLE = "dossierTitle";
    public static final String VAR_DOSSIER_SUMMARY = "dossierSummary";
    /** Form: {@code result}, {@code supplement} or {@code refusal}. */
    public static final String VAR_PROCESSING_DECISION = "processingDecision";
    public static final String VAR_PROCESSING_NOTE = "processingNote";
    public static final String VAR_PROCESSING_PROPOSAL = "processingProposal";
    /** Set by the recording step: the gateways' input. */
    public static final String VAR_OUTCOME = "outcome";
    public static final String OUTCOME_RESULT = "result";
    public static final String OUTCOME_SUPPLEMENT = "supplement";
    public static final String OUTCOME_REFUSAL = "refusal";
    /** Form: {@code approve} or {@code return}. */
    public static final String VAR_APPROVAL_DECISION = "approvalDecision";
    public static final String VAR_APPROVAL_NOTE = "approvalNote";
    public static final String VAR_APPROVED = "approved";
    public static final String VAR_SIGNATURE_CONFIRMED = "signatureConfirmed";
    public static final String VAR_SUPPLEMENT_REQUEST = "supplementRequest";
    public static final String VAR_SUPPLEMENT_NOTE = "supplementNote";
    public static final String VAR_SUPPLEMENT_COMPLETE = "supplementComplete";
    public static final String VAR_RETURNED_BY_POST = "returnedByPost";
    public static final String VAR_APOLOGY_REASON = "apologyReason";
    public static final String VAR_EXTRA_WORKING_DAYS = "extraWorkingDays";
    /** Who completed the last task (audit; the recording steps read it). */
    public static final String VAR_LAST_ACTOR = "lastActor";

    private DossierHandlingProcess() {
    }
}
