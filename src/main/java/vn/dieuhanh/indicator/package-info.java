/**
 * Periodic indicator reports (chỉ tiêu): the versioned indicator catalogue with yearly plan targets, reporting
 * campaigns started by Quartz on the reporting calendar, per-unit reports (draft, submit, head approval, audited
 * corrections), lateness (reminders, escalation, KPI facts), city-wide aggregation with a red/orange/green/grey status
 * against plan decided in DMN, and explanation requests (yêu cầu giải trình). See docs/indicators.md.
 */
package vn.dieuhanh.indicator;
