package vn.dieuhanh.calendar.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.dieuhanh.calendar.CalendarArgumentException;
import vn.dieuhanh.calendar.LunarCalendar;

/**
 * Run-time changes of the official schedules: validated, persisted, audited, then this node's cache of the year
 * dropped. Other nodes notice the change through the schedule version within their refresh interval.
 */
class ScheduleAdministration {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OfficialSchedules schedules;
    private final ScheduleOverrideRepository repository;
    private final OfficialWorkingCalendar workingCalendar;
    private final Clock clock;

    ScheduleAdministration(OfficialSchedules schedules, ScheduleOverrideRepository repository,
            OfficialWorkingCalendar workingCalendar, Clock clock) {
        this.schedules = schedules;
        this.repository = repository;
        this.workingCalendar = workingCalendar;
        this.clock = clock;
    }

    OfficialSchedules.YearSchedule schedule(int year) {
        return schedules.schedule(checkedYear(year));
    }

    /** Replaces the official entries of a year; groups without entries fall back to the statutory rule. */
    OfficialSchedules.YearSchedule replace(int year, List<ScheduleEntry> entries, String reason, String user) {
        checkedYear(year);
        requireReason(reason);
        for (ScheduleEntry entry : entries) {
            if (entry.date().getYear() != year) {
                throw new CalendarArgumentException("Entry " + entry.date() + " is not in year " + year);
            }
        }
        List<ScheduleEntry> sorted = entries.stream().sorted(Comparator.comparing(ScheduleEntry::date)).toList();
        // Build the year once before saving, so a contradictory schedule is rejected, not stored.
        WorkingYear.build(year, List.of(), sorted);
        List<ScheduleEntry> before = schedules.schedule(year).entries();
        long version = repository.replace(year, sorted, audit(year, "REPLACED", user, reason, before, sorted));
        workingCalendar.scheduleChanged(year, version);
        return schedules.schedule(year);
    }

    /** Drops the override of a year: the shipped schedule file (or the statutory default) applies again. */
    OfficialSchedules.YearSchedule revert(int year, String reason, String user) {
        checkedYear(year);
        requireReason(reason);
        OfficialSchedules.YearSchedule current = schedules.schedule(year);
        if (current.origin() != OfficialSchedules.Origin.OVERRIDE) {
            throw new CalendarArgumentException("Year " + year + " has no run-time override to remove");
        }
        long version = repository.remove(year, audit(year, "REVERTED", user, reason, current.entries(), List.of()));
        workingCalendar.scheduleChanged(year, version);
        return schedules.schedule(year);
    }

    List<ScheduleAuditRecord> auditTrail(int year) {
        return repository.auditTrail(checkedYear(year));
    }

    private ScheduleAuditRecord audit(int year, String kind, String user, String reason, List<ScheduleEntry> before,
            List<ScheduleEntry> after) {
        return new ScheduleAuditRecord(year, kind, user, OffsetDateTime.now(clock), reason.trim(), toJson(before),
                toJson(after));
    }

    static String toJson(List<ScheduleEntry> entries) {
        List<Map<String, String>> rows = entries.stream().map(entry -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("date", entry.date().toString());
            row.put("kind", entry.kind().name());
            row.put("group", entry.group().name());
            row.put("name", entry.name());
            row.put("source", entry.source());
            return row;
        }).toList();
        try {
            return JSON.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new CalendarArgumentException("Cần nêu lý do thay đổi (a reason for the change is required)");
        }
    }

    private static int checkedYear(int year) {
        if (year < LunarCalendar.FIRST_YEAR || year > LunarCalendar.LAST_YEAR) {
            throw new CalendarArgumentException("Năm phải trong khoảng 1900-2100 (year must be between 1900 and 2100, got "
                    + year + ")");
        }
        return year;
    }
}
