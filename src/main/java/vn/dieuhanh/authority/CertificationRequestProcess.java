package vn.dieuhanh.authority;

/**
 * Process {@code certification-request} (yêu cầu chứng thực): received at the ward's public service centre (the
 * application starts it), routed to the officials who may sign it now (delegates holding an active delegation for
 * the procedure, else the chairman and vice-chairmen), signed into the certification register or refused with a
 * reason.
 */
public final class CertificationRequestProcess {

    public static final String KEY = "certification-request";
    public static final String FORM_SIGN = "sign-certification";

    public static final String START_RECEIVED = "StartEvent_CertificationReceived";
    public static final String SERVICE_ROUTE = "ServiceTask_RouteRequest";
    public static final String TASK_SIGN = "Task_SignCertification";
    public static final String SERVICE_RECORD_DECISION = "ServiceTask_RecordSigningDecision";
    public static final String GATEWAY_SIGNED = "Gateway_CertificationSigned";
    public static final String END_SIGNED = "EndEvent_CertificationSigned";
    public static final String END_REFUSED = "EndEvent_CertificationRefused";

    public static final String BEAN_ROUTE = "routeCertificationRequest";
    public static final String BEAN_RECORD_DECISION = "recordCertificationDecision";

    public static final String VAR_REQUEST_ID = "requestId";
    public static final String VAR_UNIT_CODE = "unitCode";
    /** Comma-separated user ids: the candidate signers, set by the routing step. */
    public static final String VAR_SIGNERS = "signers";
    /** Date: the same-day-rule deadline (task due date). */
    public static final String VAR_DEADLINE = "deadline";
    public static final String VAR_DEADLINE_TEXT = "deadlineText";
    public static final String VAR_PROCEDURE_NAME = "procedureName";
    public static final String VAR_APPLICANT_NAME = "applicantName";
    public static final String VAR_COPIES = "copies";
    public static final String VAR_PAGES = "pages";
    /** Form field: SIGN or REFUSE. */
    public static final String VAR_DECISION = "decision";
    public static final String VAR_REFUSAL_REASON = "refusalReason";
    /** Boolean set by the record step for the gateway. */
    public static final String VAR_SIGNED = "signed";

    public static final String DECISION_SIGN = "SIGN";
    public static final String DECISION_REFUSE = "REFUSE";

    private CertificationRequestProcess() {
    }
}
