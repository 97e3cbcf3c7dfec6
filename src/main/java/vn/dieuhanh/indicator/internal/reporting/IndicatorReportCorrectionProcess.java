package vn.dieuhanh.indicator.internal.reporting;

/**
 * Key and element ids of {@code processes/indicator/indicator-report-correction.bpmn} (the head's review of a
 * correction after approval). Its variables are those of {@link IndicatorReportProcess}: {@code reportId},
 * {@code reportTitle}, {@code reportSummary}, {@code reviewer}, {@code reportDecision}, {@code decisionReason}.
 */
public final class IndicatorReportCorrectionProcess {

    public static final String KEY = "indicator-report-correction";
    public static final String START_CORRECTION_SUBMITTED = "StartEvent_CorrectionSubmitted";
    public static final String TASK_REVIEW_CORRECTION = "Task_ReviewCorrection";
    public static final String SERVICE_RECORD_CORRECTION_DECISION = "ServiceTask_RecordCorrectionDecision";
    public static final String END_CORRECTION_DECIDED = "EndEvent_CorrectionDecided";

    private IndicatorReportCorrectionProcess() {
    }

    public static String businessKey(String reportId, int version) {
        return KEY + ":" + reportId + ":" + version;
    }
}
