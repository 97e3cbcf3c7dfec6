package vn.dieuhanh.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;

import vn.dieuhanh.calendar.CalendarArgumentException;
import vn.dieuhanh.calendar.DayKind;

/** One day of an official yearly schedule, with the document it comes from. */
record ScheduleEntry(LocalDate date, DayKind kind, HolidayGroup group, String name, String source) {

    ScheduleEntry {
        require(date != null, "date is required");
        require(kind != null, "kind is required (HOLIDAY, COMPENSATORY_DAY_OFF or MAKEUP_WORKING_DAY)");
        require(group != null, "group is required (" + java.util.Arrays.toString(HolidayGroup.values()) + ")");
        require(name != null && !name.isBlank(), "name is required");
        require(source != null && !source.isBlank(), "source (the official document) is required");
        if (kind == DayKind.MAKEUP_WORKING_DAY) {
            require(isWeekend(date), "a make-up working day must be a Saturday or Sunday, " + date + " is not");
        }
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new CalendarArgumentException("Invalid schedule entry: " + message);
        }
    }
}
