package vn.dieuhanh.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.TimeZone;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.dieuhanh.calendar.DayKind;
import vn.dieuhanh.calendar.LunarDate;

/**
 * Builds fresh calendars (so no cache hides a zone-dependent computation) under several JVM default
 * time zones and checks that every answer is the same.
 */
class TimeZoneIndependenceTest {

    @ParameterizedTest(name = "default time zone {0}")
    @ValueSource(strings = {"UTC", "America/Los_Angeles", "Asia/Ho_Chi_Minh", "Pacific/Kiritimati"})
    void resultsDoNotDependOnTheDefaultTimeZone(String zone) {
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone(zone));
            VietnameseLunarCalendar lunar = new VietnameseLunarCalendar();
            OfficialWorkingCalendar calendar = TestCalendars.withShippedSchedules();

            assertThat(lunar.toLunar(LocalDate.of(2026, 2, 17))).isEqualTo(LunarDate.of(2026, 1, 1));
            assertThat(lunar.newYearDay(1985)).isEqualTo(LocalDate.of(1985, 1, 21));
            assertThat(calendar.holidays(2025)).anyMatch(day ->
                    day.date().equals(LocalDate.of(2025, 4, 26)) && day.kind() == DayKind.MAKEUP_WORKING_DAY);
            assertThat(calendar.deadlineAfterWorkingDays(OffsetDateTime.parse("2026-02-12T10:00:00+07:00"), 3))
                    .hasToString("2026-02-24T23:59:59+07:00");
            assertThat(calendar.deadlineAfterWorkingDays(OffsetDateTime.parse("2026-02-12T23:30:00Z"), 1))
                    .hasToString("2026-02-23T23:59:59+07:00");
            assertThat(calendar.addWorkingHours(OffsetDateTime.parse("2026-02-13T15:00:00+07:00").toInstant(),
                    Duration.ofHours(4))).isEqualTo(OffsetDateTime.parse("2026-02-23T10:00:00+07:00").toInstant());
            assertThat(calendar.workingDaysBetween(OffsetDateTime.parse("2026-02-12T10:00:00+07:00").toInstant(),
                    OffsetDateTime.parse("2026-02-24T01:00:00+07:00").toInstant())).isEqualTo(3);
        } finally {
            TimeZone.setDefault(original);
        }
    }
}
