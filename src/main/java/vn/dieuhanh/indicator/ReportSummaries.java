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
     * @param unitName    the unit's name (its code if unknown)
     * @param periodLabel the period in Vietnamese ("tháng 3/2026", "quý I/2026", "năm 2026")
     */
    record ReportSummary(String id, String unitCode, String unitName, String period, String periodLabel,
                         String statusLabel, Instant dueAt, boolean submitted, boolean late) {
    }
}
