package vn.dieuhanh.calendar.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import vn.dieuhanh.calendar.CalendarArgumentException;
import vn.dieuhanh.calendar.CalendarDay;
import vn.dieuhanh.calendar.DayKind;
import vn.dieuhanh.platform.InputLimits;
import vn.dieuhanh.platform.PlainText;
import vn.dieuhanh.platform.SingleLine;

/**
 * JSON shapes of the calendar REST API. Dates and instants are plain ISO strings so that the
 * contract does not depend on the application's Jackson settings.
 */
final class CalendarWebModel {

    private CalendarWebModel() {
    }

    record SolarDateResponse(String date) {
    }

    record HolidayResponse(String date, String name, String kind) {

        static HolidayResponse of(CalendarDay day) {
            return new HolidayResponse(day.date().toString(), day.name(), day.kind().name());
        }
    }

    record DeadlineResponse(String deadline) {

        private static final DateTimeFormatter SECONDS_WITH_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

        /** Always with seconds and offset, e.g. 2026-02-24T23:59:59+07:00 (toString() drops ":00" seconds). */
        static DeadlineResponse of(OffsetDateTime deadline) {
            return new DeadlineResponse(SECONDS_WITH_OFFSET.format(deadline));
        }
    }

    record WorkingDayResponse(String date, boolean workingDay) {
    }

    record WorkingDaysBetweenResponse(int workingDays) {
    }

    record ScheduleEntryBody(@Size(max = 10) @SingleLine String date, @Size(max = 32) @SingleLine String kind,
                             @Size(max = 32) @SingleLine String group, @Size(max = 500) @SingleLine String name,
                             @Size(max = 1000) @SingleLine String source) {

        static ScheduleEntryBody of(ScheduleEntry entry) {
            return new ScheduleEntryBody(entry.date().toString(), entry.kind().name(), entry.group().name(),
                    entry.name(), entry.source());
        }

        ScheduleEntry toEntry() {
            return new ScheduleEntry(parseDate("date", date), parseEnum("kind", DayKind.class, kind),
                    parseEnum("group", HolidayGroup.class, group), name, source);
        }
    }

    record ScheduleResponse(int year, String origin, List<ScheduleEntryBody> entries) {

        static ScheduleResponse of(OfficialSchedules.YearSchedule schedule) {
            return new ScheduleResponse(schedule.year(), schedule.origin().name(),
                    schedule.entries().stream().map(ScheduleEntryBody::of).toList());
        }
    }

    record ScheduleChangeRequest(@Size(max = InputLimits.REASON) @PlainText String reason,
                                 @Size(max = 400) List<@Valid ScheduleEntryBody> entries) {
    }

    record AuditResponse(String changeKind, String changedBy, String changedAt, String reason, String oldEntries,
            String newEntries) {

        static AuditResponse of(ScheduleAuditRecord record) {
            return new AuditResponse(record.changeKind(), record.changedBy(), record.changedAt().toString(),
                    record.reason(), record.oldEntries(), record.newEntries());
        }
    }

    static LocalDate parseDate(String parameter, String text) {
        if (text == null || text.isBlank()) {
            throw new CalendarArgumentException("'" + parameter + "' is required, as YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new CalendarArgumentException("'" + parameter + "' must be a date YYYY-MM-DD, got '" + text + "'");
        }
    }

    /** An ISO instant with offset (2026-02-12T10:00:00+07:00, ...Z) or a date meaning its start in Việt Nam. */
    static OffsetDateTime parseInstant(String parameter, String text) {
        if (text == null || text.isBlank()) {
            throw new CalendarArgumentException("'" + parameter + "' is required");
        }
        try {
            return OffsetDateTime.parse(text.trim());
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(text.trim()).atStartOfDay(vn.dieuhanh.calendar.WorkingCalendar.ZONE)
                        .toOffsetDateTime();
            } catch (DateTimeParseException notADate) {
                throw new CalendarArgumentException("'" + parameter + "' must be an ISO-8601 date-time with offset"
                        + " such as 2026-02-12T10:00:00+07:00 (or a date YYYY-MM-DD), got '" + text + "'");
            }
        }
    }

    static <E extends Enum<E>> E parseEnum(String field, Class<E> type, String text) {
        if (text == null) {
            throw new CalendarArgumentException("'" + field + "' is required");
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CalendarArgumentException("'" + field + "' must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()) + ", got '" + text + "'");
        }
    }
}
