package vn.dieuhanh.directive;

/** Process {@code document-acknowledgement}: a unit receiving a document for information confirms it has read it. */
public final class DocumentAcknowledgementProcess {

    public static final String KEY = "document-acknowledgement";
    public static final String FORM = "document-acknowledgement";

    public static final String START_DOCUMENT_SENT = "StartEvent_DocumentSent";
    public static final String TASK_ACKNOWLEDGE_DOCUMENT = "Task_AcknowledgeDocument";
    public static final String END_DOCUMENT_ACKNOWLEDGED = "EndEvent_DocumentAcknowledged";

    /** Code of the receiving unit; its Camunda group is the task's candidate group. */
    public static final String VAR_RECIPIENT_UNIT = "recipientUnit";
    public static final String VAR_DOCUMENT_NUMBER = "documentNumber";
    public static final String VAR_DOCUMENT_SUMMARY = "documentSummary";
    public static final String VAR_ACKNOWLEDGEMENT_NOTE = "acknowledgementNote";

    private DocumentAcknowledgementProcess() {
    }
}
