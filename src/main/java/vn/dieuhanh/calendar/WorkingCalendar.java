package vn.dieuhanh.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Vietnamese working days for public administration: Monday to Friday, minus statutory holidays
 * (Labour Code 2019 arts. 111-112) and their compensatory days, plus make-up working weekend days,
 * as fixed by the official yearly schedules. Everything is evaluated in {@link #ZONE}, never in the
 * JVM's default time zone. Supported years: 1900-2100; anything else raises
 * {@link CalendarArgumentException}.
 */
public interface WorkingCalendar {

    ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    boolean isWorkingDay(LocalDate date);

    /** Holidays, compensatory days off and make-up working days of a solar year, sorted by date. */
    List<CalendarDay> holidays(int year);

    /**
     * Civil Code 2015 arts. 144-148: a period of {@code workingDays} working days starts on the day
     * after the event and ends at 24:00 of its last working day, returned as 23:59:59 local time.
     * Zero days ends at the end of the event's own day.
     */
    OffsetDateTime deadlineAfterWorkingDays(Instant event, int workingDays);

    default OffsetDateTime deadlineAfterWorkingDays(OffsetDateTime event, int workingDays) {
        if (event == null) {
            throw new CalendarArgumentException("The starting instant is required");
        }
        return deadlineAfterWorkingDays(event.toInstant(), workingDays);
    }

    /** The {@code workingDays}-th working day after {@code date} (the date itself not counted). */
    LocalDate addWorkingDays(LocalDate date, int workingDays);

    /**
     * The instant at which {@code workingTime} of office hours (by default 08:00-12:00 and
     * 13:00-17:00 on working days) have passed since {@code from}.
     */
    Instant addWorkingHours(Instant from, Duration workingTime);

    /**
     * Working days counted like a period: those after the local day of {@code from} up to and
     * including the local day of {@code to}; negative when {@code to} is before {@code from}.
     */
    int workingDaysBetween(Instant from, Instant to);
}
