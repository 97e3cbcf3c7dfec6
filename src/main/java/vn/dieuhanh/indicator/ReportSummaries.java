package vn.dieuhanh.indicator;

import java.time.Instant;
import java.util.Optional;

/**
 * A unit's indicator report of a period as other capabilities may show it (the chat's cards), for the authenticated
 * caller only if he may read it: the rule of {@code GET /api/indicator-reports/{id}} (the unit's officials, City PC
 * leaders, analysts and administrators).
 */
public interface ReportSummaries {

    /** The report if it exists and the engine's authenticated caller may read it, else empty. */
    Optional<ReportSummary> visibleToCaller(String reportId);

    /**
     * @param statusLabel Vietnamese, as the reporting module shows it ("Chưa lập", "Đang soạn", "Chờ thủ trưởng
     *                    duyệt", "Bị trả lại", "Đã duyệt", "Đính chính chờ duyệt"), with ", quá hạn" while it is
     *                    still with the unit after its due date
     * @param late        not submitted by its due date (or marked overdue)
     */
    record ReportSummary(String id, String unitCode, String period, String statusLabel, Instant dueAt,
                         boolean submitted, boolean late) {
    }
}
