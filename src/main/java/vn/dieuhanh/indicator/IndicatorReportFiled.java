package vn.dieuhanh.indicator;

import java.time.Instant;

/**
 * Published synchronously, in the engine transaction, when a unit's report is first approved by its head (the report
 * is filed). {@code late} when it was submitted after the due date: the {@code kpi} capability then records the
 * lateness too (same key as {@link IndicatorReportOverdue}, so one lateness per report).
 *
 * @param reportId    the unit's report in the campaign
 * @param unitCode    the reporting unit
 * @param period      the reporting period label
 * @param dueAt       the due date
 * @param submittedAt when the approved version was submitted
 * @param late        submitted after the due date
 */
public record IndicatorReportFiled(String reportId, String unitCode, String period, Instant dueAt,
                                   Instant submittedAt, boolean late) {
}
