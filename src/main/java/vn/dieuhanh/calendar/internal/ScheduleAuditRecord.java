package vn.dieuhanh.calendar.internal;

import java.time.OffsetDateTime;

/** One change of a year's official schedule: who, when, why, and the entries before and after (JSON). */
record ScheduleAuditRecord(int year, String changeKind, String changedBy, OffsetDateTime changedAt, String reason,
        String oldEntries, String newEntries) {
}
