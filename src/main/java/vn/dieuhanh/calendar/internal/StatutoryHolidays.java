package vn.dieuhanh.calendar.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.dieuhanh.calendar.DayKind;

/**
 * The default rule of Labour Code 2019 art. 112 for a solar year, used for every holiday group
 * that the year's official schedule does not fix. Compensation for weekend holidays is applied
 * later, once all days off of the year are known.
 */
final class StatutoryHolidays {

    static final String SOURCE = "Bộ luật Lao động 2019, Điều 112 (quy tắc mặc định)";

    private final VietnameseLunarCalendar lunarCalendar;

    StatutoryHolidays(VietnameseLunarCalendar lunarCalendar) {
        this.lunarCalendar = lunarCalendar;
    }

    List<ScheduleEntry> of(int year) {
        List<ScheduleEntry> entries = new ArrayList<>();
        entries.add(holiday(LocalDate.of(year, 1, 1), HolidayGroup.NEW_YEAR));
        // Tết: the last day of the old lunar year and the first four days of the new one.
        LocalDate tetEve = lunarCalendar.lastDayOfYear(year - 1);
        for (int i = 0; i < 5; i++) {
            entries.add(holiday(tetEve.plusDays(i), HolidayGroup.TET));
        }
        entries.add(holiday(lunarCalendar.toSolar(year, 3, 10, false), HolidayGroup.HUNG_KINGS));
        entries.add(holiday(LocalDate.of(year, 4, 30), HolidayGroup.REUNIFICATION));
        entries.add(holiday(LocalDate.of(year, 5, 1), HolidayGroup.LABOUR_DAY));
        // 2/9 plus an adjacent day chosen each year by the Prime Minister; 1/9 is the default
        // (chosen in 2022, 2023 and 2025). A weekend day is then compensated like any holiday.
        entries.add(holiday(LocalDate.of(year, 9, 1), HolidayGroup.NATIONAL_DAY));
        entries.add(holiday(LocalDate.of(year, 9, 2), HolidayGroup.NATIONAL_DAY));
        return entries;
    }

    private static ScheduleEntry holiday(LocalDate date, HolidayGroup group) {
        return new ScheduleEntry(date, DayKind.HOLIDAY, group, group.vietnameseName(), SOURCE);
    }
}
