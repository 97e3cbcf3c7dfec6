package vn.dieuhanh.deadline;

/**
 * The daily overdue digest, {@code processes/deadline/overdue-digest.bpmn}: its key, element ids and variables.
 * <pre>
 * timer 08:00 every day (Asia/Ho_Chi_Minh) → "Xác định ngày làm việc" (${checkOverdueDigestDay})
 *   → "Hôm nay là ngày làm việc?" → yes: "Gửi tổng hợp việc quá hạn" (${sendOverdueDigest}) → end
 *                                  → no (weekend, holiday, Tết): end without sending
 * </pre>
 */
public final class OverdueDigestProcess {

    public static final String PROCESS_KEY = "overdue-digest";
    public static final String START_DIGEST_TIME = "StartEvent_DigestTime";
    public static final String SERVICE_CHECK_WORKING_DAY = "ServiceTask_CheckWorkingDay";
    public static final String SERVICE_SEND_OVERDUE_DIGEST = "ServiceTask_SendOverdueDigest";
    public static final String END_DIGEST_SENT = "EndEvent_DigestSent";
    public static final String END_NO_DIGEST = "EndEvent_NoDigest";

    /** Whether today (engine clock, {@code WorkingCalendar.ZONE}) is a working day of the official calendar. */
    public static final String VAR_WORKING_DAY = "workingDay";
    /** The day the digest is for (ISO date), written by the check so that both steps agree on it. */
    public static final String VAR_DIGEST_DAY = "digestDay";

    private OverdueDigestProcess() {
    }
}
