package vn.dieuhanh.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.dieuhanh.calendar.CalendarArgumentException;
import vn.dieuhanh.calendar.WorkingCalendar;

class DeadlineArithmeticTest {

    private final WorkingCalendar calendar = TestCalendars.withShippedSchedules();

    @ParameterizedTest(name = "{1} working days after {0} end at {2}")
    @CsvSource({
            // across Tết 2026 (off 14-22 Feb)
            "2026-02-12T10:00:00+07:00, 3, 2026-02-24T23:59:59+07:00",
            "2026-02-12T10:00:00+07:00, 1, 2026-02-13T23:59:59+07:00",
            "2026-02-13T16:00:00+07:00, 1, 2026-02-23T23:59:59+07:00",
            // an event on a holiday: counting starts the next day anyway
            "2026-02-17T09:00:00+07:00, 1, 2026-02-23T23:59:59+07:00",
            // across Tết 2025 (off Sat 25/1 - Sun 2/2, Monday 27/1 swapped with the make-up Saturday 8/2)
            "2025-01-23T10:00:00+07:00, 1, 2025-01-24T23:59:59+07:00",
            "2025-01-23T10:00:00+07:00, 2, 2025-02-03T23:59:59+07:00",
            "2025-01-24T16:00:00+07:00, 1, 2025-02-03T23:59:59+07:00",
            "2025-01-29T09:00:00+07:00, 1, 2025-02-03T23:59:59+07:00",
            "2025-01-23T10:00:00+07:00, 7, 2025-02-08T23:59:59+07:00",
            "2025-01-23T10:00:00+07:00, 8, 2025-02-10T23:59:59+07:00",
            "2025-02-07T10:00:00+07:00, 1, 2025-02-08T23:59:59+07:00",
            // the make-up Saturday 26/4/2025 counts, 30/4-4/5 do not
            "2025-04-24T09:00:00+07:00, 2, 2025-04-26T23:59:59+07:00",
            "2025-04-24T09:00:00+07:00, 4, 2025-04-29T23:59:59+07:00",
            "2025-04-24T09:00:00+07:00, 5, 2025-05-05T23:59:59+07:00",
            // Hùng Kings on Sunday 26/4/2026, compensated Monday 27/4
            "2026-04-24T09:00:00+07:00, 1, 2026-04-28T23:59:59+07:00",
            // the local day decides: 2026-02-12T23:30Z is already Friday 13 in Việt Nam
            "2026-02-12T23:30:00Z, 1, 2026-02-23T23:59:59+07:00",
            // zero days: the end of the event's own day
            "2026-03-02T10:00:00+07:00, 0, 2026-03-02T23:59:59+07:00",
            // across the year end
            "2025-12-30T10:00:00+07:00, 2, 2026-01-02T23:59:59+07:00"
    })
    void deadlineAfterWorkingDays(OffsetDateTime event, int days, OffsetDateTime expected) {
        OffsetDateTime deadline = calendar.deadlineAfterWorkingDays(event, days);
        assertThat(deadline.toString()).isEqualTo(expected.toString());
        assertThat(deadline.getOffset().getTotalSeconds()).isEqualTo(7 * 3600);
    }

    @Test
    void longPeriodsCrossManyYears() {
        LocalDate start = LocalDate.of(2024, 12, 31);
        int days = 0;
        for (int year = 2025; year <= 2029; year++) {
            for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
                if (calendar.isWorkingDay(d)) {
                    days++;
                }
            }
        }
        assertThat(calendar.addWorkingDays(start, days)).isEqualTo(lastWorkingDayOf(2029));
        assertThat(calendar.workingDaysBetween(instant("2024-12-31T12:00:00+07:00"), instant("2029-12-31T12:00:00+07:00")))
                .isEqualTo(days);
    }

    private LocalDate lastWorkingDayOf(int year) {
        LocalDate day = LocalDate.of(year, 12, 31);
        while (!calendar.isWorkingDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    @Test
    void workingDaysBetweenCountsLikeAPeriod() {
        Instant event = instant("2026-02-12T10:00:00+07:00");
        assertThat(calendar.workingDaysBetween(event, instant("2026-02-24T08:00:00+07:00"))).isEqualTo(3);
        assertThat(calendar.workingDaysBetween(event, instant("2026-02-12T18:00:00+07:00"))).isZero();
        assertThat(calendar.workingDaysBetween(instant("2026-02-24T08:00:00+07:00"), event)).isEqualTo(-3);
    }

    @ParameterizedTest(name = "{1} of office time from {0} ends at {2}")
    @CsvSource({
            "2026-03-02T08:00:00+07:00, PT8H, 2026-03-02T17:00:00+07:00",
            "2026-03-02T07:00:00+07:00, PT1H, 2026-03-02T09:00:00+07:00",
            "2026-03-02T11:00:00+07:00, PT1H, 2026-03-02T12:00:00+07:00",
            "2026-03-02T11:00:00+07:00, PT2H, 2026-03-02T14:00:00+07:00",
            "2026-03-02T12:30:00+07:00, PT30M, 2026-03-02T13:30:00+07:00",
            "2026-03-02T17:00:00+07:00, PT8H, 2026-03-03T17:00:00+07:00",
            "2026-03-02T08:00:00+07:00, PT40H, 2026-03-06T17:00:00+07:00",
            "2026-03-02T08:00:00+07:00, PT41H, 2026-03-09T09:00:00+07:00",
            // Friday before Tết 2026: two hours on Friday, the rest on Monday 23 February
            "2026-02-13T15:00:00+07:00, PT4H, 2026-02-23T10:00:00+07:00",
            // a Sunday start waits for Monday morning
            "2026-03-01T10:00:00+07:00, PT2H30M, 2026-03-02T10:30:00+07:00"
    })
    void addWorkingHours(OffsetDateTime from, Duration workingTime, OffsetDateTime expected) {
        assertThat(calendar.addWorkingHours(from.toInstant(), workingTime)).isEqualTo(expected.toInstant());
    }

    @Test
    void zeroWorkingTimeReturnsTheStart() {
        Instant sunday = instant("2026-03-01T10:00:00+07:00");
        assertThat(calendar.addWorkingHours(sunday, Duration.ZERO)).isEqualTo(sunday);
    }

    @Test
    void rejectsBadInput() {
        Instant now = instant("2026-03-02T08:00:00+07:00");
        assertThatThrownBy(() -> calendar.deadlineAfterWorkingDays(now, -1))
                .isInstanceOf(CalendarArgumentException.class).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> calendar.addWorkingHours(now, Duration.ofHours(-1)))
                .isInstanceOf(CalendarArgumentException.class);
        assertThatThrownBy(() -> calendar.deadlineAfterWorkingDays(instant("2100-12-20T08:00:00+07:00"), 30))
                .isInstanceOf(CalendarArgumentException.class).hasMessageContaining("2100");
        assertThatThrownBy(() -> calendar.deadlineAfterWorkingDays((Instant) null, 1))
                .isInstanceOf(CalendarArgumentException.class);
    }

    @Test
    void customWorkingHoursAreHonoured() {
        OfficialWorkingCalendar halfDays = new OfficialWorkingCalendar(new VietnameseLunarCalendar(),
                year -> java.util.List.of(), WorkingHours.parse("07:30-11:30"));
        assertThat(halfDays.addWorkingHours(instant("2026-03-02T07:30:00+07:00"), Duration.ofHours(5)))
                .isEqualTo(instant("2026-03-03T08:30:00+07:00"));
    }

    private static Instant instant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }
}
