package vn.dieuhanh.authority;

/**
 * Process {@code signing-delegation} (quyết định ủy quyền ký chứng thực): drafted by the ward's justice officer
 * (through {@code POST /api/authority/delegations}, the application starts it), approved and signed by the ward's
 * chairman in Tasklist; then in force until it expires (timer on {@link #VAR_VALID_UNTIL}, a reminder before at
 * {@link #VAR_REMINDER_AT}) or is revoked (message {@link #MESSAGE_REVOKED}); when the chairman changes (message
 * {@link #MESSAGE_CHAIRMAN_CHANGED}) the new chairman confirms or revokes it.
 */
public final class SigningDelegationProcess {

    public static final String KEY = "signing-delegation";
    public static final String FORM_APPROVE = "approve-signing-delegation";
    public static final String FORM_CONFIRM = "confirm-signing-delegation";

    public static final String START_DRAFTED = "StartEvent_DelegationDrafted";
    public static final String TASK_APPROVE = "Task_ApproveDelegation";
    public static final String SERVICE_RECORD_APPROVAL = "ServiceTask_RecordApproval";
    public static final String GATEWAY_APPROVED = "Gateway_DelegationApproved";
    public static final String END_REFUSED = "EndEvent_DelegationRefused";
    public static final String SUBPROCESS_IN_FORCE = "SubProcess_DelegationInForce";
    public static final String TASK_AWAIT_CHAIRMAN_CHANGE = "Task_AwaitChairmanChange";
    public static final String TASK_CONFIRM = "Task_ConfirmDelegation";
    public static final String SERVICE_RECORD_CONFIRMATION = "ServiceTask_RecordConfirmation";
    public static final String GATEWAY_CONFIRMED = "Gateway_DelegationConfirmed";
    public static final String END_NOT_CONFIRMED = "EndEvent_DelegationNotConfirmed";
    public static final String TIMER_REMINDER = "Timer_ExpiryReminder";
    public static final String SERVICE_REMIND = "ServiceTask_RemindExpiry";
    public static final String TIMER_VALIDITY_ENDED = "Timer_ValidityEnded";
    public static final String SERVICE_EXPIRE = "ServiceTask_ExpireDelegation";
    public static final String END_EXPIRED = "EndEvent_DelegationExpired";
    public static final String BOUNDARY_REVOKED = "BoundaryEvent_DelegationRevoked";
    public static final String END_REVOKED = "EndEvent_DelegationRevoked";

    public static final String MESSAGE_REVOKED = "Message_DelegationRevoked";
    public static final String MESSAGE_CHAIRMAN_CHANGED = "Message_ChairmanChanged";

    public static final String BEAN_RECORD_APPROVAL = "recordDelegationApproval";
    public static final String BEAN_RECORD_CONFIRMATION = "recordDelegationConfirmation";
    public static final String BEAN_REMIND = "remindDelegationExpiry";
    public static final String BEAN_EXPIRE = "expireDelegation";

    /** Id of the auth_delegation row (also the business key). */
    public static final String VAR_DELEGATION_ID = "delegationId";
    public static final String VAR_UNIT_CODE = "unitCode";
    /** User id of the ward's chairman, assignee of the approval and confirmation tasks; set by the application. */
    public static final String VAR_CHAIRMAN = "chairman";
    public static final String VAR_DECISION_NUMBER = "decisionNumber";
    public static final String VAR_DELEGATES_TEXT = "delegatesText";
    public static final String VAR_SCOPE_TEXT = "scopeText";
    public static final String VAR_PERIOD_TEXT = "periodText";
    /** The chairman's decision (form field, "true"/"false"); the record step turns it into a boolean. */
    public static final String VAR_APPROVED = "approved";
    /** The new chairman's decision after a change of chairman (form field). */
    public static final String VAR_CONFIRMED = "confirmed";
    public static final String VAR_DECISION_NOTE = "decisionNote";
    /** Date: the first instant after the last valid day (the expiry timer). Computed in Java. */
    public static final String VAR_VALID_UNTIL = "validUntil";
    /** Date: when the reminder before expiry is sent. Computed in Java. */
    public static final String VAR_REMINDER_AT = "reminderAt";

    private SigningDelegationProcess() {
    }
}
