package vn.dieuhanh.calendar;

import java.time.LocalDate;
import java.util.OptionalInt;

/**
 * The Vietnamese lunisolar calendar for the solar years 1900-2100, computed astronomically for
 * UTC+7. Inputs outside the supported range or naming a month/day that does not exist raise
 * {@link CalendarArgumentException}.
 */
public interface LunarCalendar {

    int FIRST_YEAR = 1900;
    int LAST_YEAR = 2100;

    LunarDate toLunar(LocalDate solarDate);

    LocalDate toSolar(LunarDate lunarDate);

    default LocalDate toSolar(int lunarYear, int month, int day, boolean leap) {
        return toSolar(new LunarDate(day, month, lunarYear, leap));
    }

    /** The leap month of a lunar year, if it has one (e.g. 6 for 2025). */
    OptionalInt leapMonth(int lunarYear);

    /** 29 or 30. */
    int lengthOfMonth(int lunarYear, int month, boolean leap);

    /** Mùng 1 Tết: the solar date on which the lunar year begins. */
    LocalDate newYearDay(int lunarYear);
}
