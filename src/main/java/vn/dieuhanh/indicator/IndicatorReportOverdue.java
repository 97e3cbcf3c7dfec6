package vn.dieuhanh.indicator;

import java.time.Instant;

/**
 * Published synchronously, in the engine transaction of the timer that noticed it, once per report when a unit's
 * report passes its due date unsubmitted. The {@code kpi} capability records a {@code REPORT_LATE} fact from it.
 *
 * @param reportId the unit's report in the campaign (stable id, also the KPI item)
 * @param unitCode the reporting unit
 * @param period   the reporting period label
 * @param dueAt    the due date that passed
 * @param at       when it became overdue
 */
public record IndicatorReportOverdue(String reportId, String unitCode, String period, Instant dueAt, Instant at) {
}
