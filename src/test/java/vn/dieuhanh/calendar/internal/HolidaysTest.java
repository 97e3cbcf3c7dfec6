package vn.dieuhanh.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static vn.dieuhanh.calendar.DayKind.COMPENSATORY_DAY_OFF;
import static vn.dieuhanh.calendar.DayKind.HOLIDAY;
import static vn.dieuhanh.calendar.DayKind.MAKEUP_WORKING_DAY;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.dieuhanh.calendar.CalendarArgumentException;
import vn.dieuhanh.calendar.CalendarDay;
import vn.dieuhanh.calendar.WorkingCalendar;

class HolidaysTest {

    private final WorkingCalendar calendar = TestCalendars.withShippedSchedules();

    @Test
    void year2026WithOfficialTetAndHungKingsOnSunday() {
        assertThat(calendar.holidays(2026))
                .extracting(day -> day.date().toString(), CalendarDay::kind)
                .containsExactly(
                        tuple("2026-01-01", HOLIDAY),
                        tuple("2026-02-16", HOLIDAY), tuple("2026-02-17", HOLIDAY), tuple("2026-02-18", HOLIDAY),
                        tuple("2026-02-19", HOLIDAY), tuple("2026-02-20", HOLIDAY),
                        tuple("2026-04-26", HOLIDAY), tuple("2026-04-27", COMPENSATORY_DAY_OFF),
                        tuple("2026-04-30", HOLIDAY), tuple("2026-05-01", HOLIDAY),
                        tuple("2026-09-01", HOLIDAY), tuple("2026-09-02", HOLIDAY));
        assertThat(calendar.holidays(2026)).filteredOn(day -> day.date().equals(LocalDate.of(2026, 4, 27)))
                .extracting(CalendarDay::name).containsExactly("Nghỉ bù Giỗ Tổ Hùng Vương");
    }

    @Test
    void tet2026IsNineDaysOffFromSaturday14ToSunday22February() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 13))).isTrue();
        for (LocalDate day = LocalDate.of(2026, 2, 14); !day.isAfter(LocalDate.of(2026, 2, 22)); day = day.plusDays(1)) {
            assertThat(calendar.isWorkingDay(day)).as("%s", day).isFalse();
        }
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 23))).isTrue();
    }

    @Test
    void year2025WithOfficialTetSwapAroundThirtyAprilAndNationalDay() {
        assertThat(calendar.holidays(2025))
                .extracting(day -> day.date().toString(), CalendarDay::kind)
                .containsExactly(
                        tuple("2025-01-01", HOLIDAY),
                        tuple("2025-01-27", COMPENSATORY_DAY_OFF),
                        tuple("2025-01-28", HOLIDAY), tuple("2025-01-29", HOLIDAY), tuple("2025-01-30", HOLIDAY),
                        tuple("2025-01-31", HOLIDAY), tuple("2025-02-01", HOLIDAY),
                        tuple("2025-02-08", MAKEUP_WORKING_DAY),
                        tuple("2025-04-07", HOLIDAY),
                        tuple("2025-04-26", MAKEUP_WORKING_DAY),
                        tuple("2025-04-30", HOLIDAY), tuple("2025-05-01", HOLIDAY),
                        tuple("2025-05-02", COMPENSATORY_DAY_OFF),
                        tuple("2025-09-01", HOLIDAY), tuple("2025-09-02", HOLIDAY));
    }

    @Test
    void tet2025IsNineDaysOffFromSaturday25JanuaryToSunday2FebruaryWithMakeUpSaturday8February() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 24))).isTrue();
        for (LocalDate day = LocalDate.of(2025, 1, 25); !day.isAfter(LocalDate.of(2025, 2, 2)); day = day.plusDays(1)) {
            assertThat(calendar.isWorkingDay(day)).as("%s", day).isFalse();
        }
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 2, 3))).as("no compensatory Monday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 2, 8))).as("make-up Saturday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 2, 9))).isFalse();
    }

    @Test
    void tet2025EntriesAgreeWithTheLunarCalendar() {
        VietnameseLunarCalendar lunar = new VietnameseLunarCalendar();
        // the file's names and comments: 25/1 = 26 Chạp, 28/1 = 29 Chạp (last day of Giáp Thìn), 29/1 = mùng 1,
        // 1/2 = mùng 4, 2/2 = mùng 5
        assertThat(lunar.toLunar(LocalDate.of(2025, 1, 25))).isEqualTo(vn.dieuhanh.calendar.LunarDate.of(2024, 12, 26));
        assertThat(lunar.toLunar(LocalDate.of(2025, 1, 28))).isEqualTo(vn.dieuhanh.calendar.LunarDate.of(2024, 12, 29));
        assertThat(lunar.newYearDay(2025)).isEqualTo(LocalDate.of(2025, 1, 29));
        assertThat(lunar.toLunar(LocalDate.of(2025, 2, 1))).isEqualTo(vn.dieuhanh.calendar.LunarDate.of(2025, 1, 4));
        assertThat(lunar.toLunar(LocalDate.of(2025, 2, 2))).isEqualTo(vn.dieuhanh.calendar.LunarDate.of(2025, 1, 5));
    }

    @Test
    void nationalDay2025IsSaturday30AugustToTuesday2September() {
        for (LocalDate day = LocalDate.of(2025, 8, 30); !day.isAfter(LocalDate.of(2025, 9, 2)); day = day.plusDays(1)) {
            assertThat(calendar.isWorkingDay(day)).as("%s", day).isFalse();
        }
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 8, 29))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 3))).isTrue();
    }

    @Test
    void makeUpSaturday26April2025IsAWorkingDayAnd30AprilTo4MayIsOff() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 4, 26))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 4, 27))).isFalse();
        for (LocalDate day = LocalDate.of(2025, 4, 30); !day.isAfter(LocalDate.of(2025, 5, 4)); day = day.plusDays(1)) {
            assertThat(calendar.isWorkingDay(day)).as("%s", day).isFalse();
        }
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 5, 5))).isTrue();
    }

    @Test
    void year2024StatutoryDefaultCompensatesTetWeekendAndFirstSeptemberSunday() {
        assertThat(calendar.holidays(2024))
                .extracting(day -> day.date().toString(), CalendarDay::kind)
                .containsExactly(
                        tuple("2024-01-01", HOLIDAY),
                        tuple("2024-02-09", HOLIDAY), tuple("2024-02-10", HOLIDAY), tuple("2024-02-11", HOLIDAY),
                        tuple("2024-02-12", HOLIDAY), tuple("2024-02-13", HOLIDAY),
                        tuple("2024-02-14", COMPENSATORY_DAY_OFF), tuple("2024-02-15", COMPENSATORY_DAY_OFF),
                        tuple("2024-04-18", HOLIDAY),
                        tuple("2024-04-30", HOLIDAY), tuple("2024-05-01", HOLIDAY),
                        tuple("2024-09-01", HOLIDAY), tuple("2024-09-02", HOLIDAY),
                        tuple("2024-09-03", COMPENSATORY_DAY_OFF));
    }

    @Test
    void year2027StatutoryDefault() {
        // Tết Đinh Mùi: mùng 1 on Saturday 6 Feb 2027; Hùng Kings on Friday 16 April 2027.
        assertThat(calendar.holidays(2027))
                .extracting(day -> day.date().toString(), CalendarDay::kind)
                .containsExactly(
                        tuple("2027-01-01", HOLIDAY),
                        tuple("2027-02-05", HOLIDAY), tuple("2027-02-06", HOLIDAY), tuple("2027-02-07", HOLIDAY),
                        tuple("2027-02-08", HOLIDAY), tuple("2027-02-09", HOLIDAY),
                        tuple("2027-02-10", COMPENSATORY_DAY_OFF), tuple("2027-02-11", COMPENSATORY_DAY_OFF),
                        tuple("2027-04-16", HOLIDAY),
                        tuple("2027-04-30", HOLIDAY), tuple("2027-05-01", HOLIDAY),
                        tuple("2027-05-03", COMPENSATORY_DAY_OFF),
                        tuple("2027-09-01", HOLIDAY), tuple("2027-09-02", HOLIDAY));
    }

    @Test
    void everyYearHasElevenStatutoryHolidayDays() {
        WorkingCalendar statutory = TestCalendars.statutoryOnly();
        for (int year = 1900; year <= 2100; year++) {
            assertThat(statutory.holidays(year)).as("year %d", year)
                    .filteredOn(day -> day.kind() == HOLIDAY).hasSize(11);
        }
    }

    @Test
    void rejectsYearsOutsideRange() {
        assertThatThrownBy(() -> calendar.holidays(1899)).isInstanceOf(CalendarArgumentException.class);
        assertThatThrownBy(() -> calendar.holidays(2101)).isInstanceOf(CalendarArgumentException.class);
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2101, 1, 2)))
                .isInstanceOf(CalendarArgumentException.class);
    }
}
