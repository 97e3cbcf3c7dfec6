package vn.dieuhanh.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.dieuhanh.calendar.CalendarArgumentException;
import vn.dieuhanh.calendar.LunarCalendar;
import vn.dieuhanh.calendar.LunarDate;

class VietnameseLunarCalendarTest {

    private final LunarCalendar calendar = new VietnameseLunarCalendar();

    @ParameterizedTest(name = "Tết {0} is {1}")
    @CsvSource({
            "1985, 1985-01-21",
            "2007, 2007-02-17",
            "2020, 2020-01-25",
            "2021, 2021-02-12",
            "2022, 2022-02-01",
            "2023, 2023-01-22",
            "2024, 2024-02-10",
            "2025, 2025-01-29",
            "2026, 2026-02-17",
            "2030, 2030-02-02"
    })
    void knownVietnameseNewYearDays(int lunarYear, LocalDate tet) {
        assertThat(calendar.newYearDay(lunarYear)).isEqualTo(tet);
        assertThat(calendar.toLunar(tet)).isEqualTo(LunarDate.of(lunarYear, 1, 1));
        assertThat(calendar.toSolar(lunarYear, 1, 1, false)).isEqualTo(tet);
    }

    @ParameterizedTest(name = "lunar year {0} has leap month {1}")
    @CsvSource({"2020, 4", "2023, 2", "2025, 6", "2017, 6", "2014, 9", "1985, 2"})
    void knownLeapMonths(int lunarYear, int leapMonth) {
        assertThat(calendar.leapMonth(lunarYear)).isEqualTo(OptionalInt.of(leapMonth));
    }

    @Test
    void yearsWithoutLeapMonth() {
        assertThat(calendar.leapMonth(2024)).isEmpty();
        assertThat(calendar.leapMonth(2026)).isEmpty();
    }

    @Test
    void leapMonthDatesConvertBothWays() {
        LunarDate firstOfLeapSixth2025 = LunarDate.ofLeapMonth(2025, 6, 1);
        LocalDate solar = calendar.toSolar(firstOfLeapSixth2025);
        assertThat(solar).isEqualTo(LocalDate.of(2025, 7, 25));
        assertThat(calendar.toLunar(solar)).isEqualTo(firstOfLeapSixth2025);
        assertThat(calendar.toLunar(solar.minusDays(1))).isEqualTo(LunarDate.of(2025, 6, 30));
    }

    @Test
    void hungKingsDay2026IsSunday26April() {
        assertThat(calendar.toSolar(2026, 3, 10, false)).isEqualTo(LocalDate.of(2026, 4, 26));
    }

    @Test
    void lastMonthOfLunarYear2025HasTwentyNineDays() {
        assertThat(calendar.lengthOfMonth(2025, 12, false)).isEqualTo(29);
        assertThat(calendar.toLunar(LocalDate.of(2026, 2, 16))).isEqualTo(LunarDate.of(2025, 12, 29));
        assertThat(calendar.toLunar(LocalDate.of(2026, 2, 14))).isEqualTo(LunarDate.of(2025, 12, 27));
    }

    @Test
    void rangeEndsConvert() {
        assertThat(calendar.toLunar(LocalDate.of(1900, 1, 1)).year()).isEqualTo(1899);
        assertThat(calendar.toLunar(LocalDate.of(2100, 12, 31)).year()).isEqualTo(2100);
        assertThat(calendar.newYearDay(1900)).isEqualTo(LocalDate.of(1900, 1, 31));
    }

    @Test
    void rejectsDayThirtyOfATwentyNineDayMonth() {
        assertThatThrownBy(() -> calendar.toSolar(2025, 12, 30, false))
                .isInstanceOf(CalendarArgumentException.class)
                .hasMessageContaining("has only 29 days");
    }

    @Test
    void rejectsLeapMonthThatDoesNotExist() {
        assertThatThrownBy(() -> calendar.toSolar(2026, 1, 1, true))
                .isInstanceOf(CalendarArgumentException.class)
                .hasMessageContaining("no leap month 1");
    }

    @Test
    void rejectsUnknownMonthAndDay() {
        assertThatThrownBy(() -> calendar.toSolar(2026, 13, 1, false))
                .isInstanceOf(CalendarArgumentException.class).hasMessageContaining("between 1 and 12");
        assertThatThrownBy(() -> calendar.toSolar(2026, 1, 31, false))
                .isInstanceOf(CalendarArgumentException.class).hasMessageContaining("between 1 and 30");
    }

    @Test
    void rejectsYearsOutsideRange() {
        assertThatThrownBy(() -> calendar.toSolar(1899, 1, 1, false))
                .isInstanceOf(CalendarArgumentException.class).hasMessageContaining("1900");
        assertThatThrownBy(() -> calendar.toSolar(2101, 1, 1, false))
                .isInstanceOf(CalendarArgumentException.class).hasMessageContaining("2100");
        assertThatThrownBy(() -> calendar.toLunar(LocalDate.of(1899, 12, 31)))
                .isInstanceOf(CalendarArgumentException.class);
        assertThatThrownBy(() -> calendar.toLunar(LocalDate.of(2101, 1, 1)))
                .isInstanceOf(CalendarArgumentException.class);
    }
}
