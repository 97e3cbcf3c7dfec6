package vn.dieuhanh.calendar.internal;

import vn.dieuhanh.calendar.WorkingCalendar;

/** For tests of other capabilities: the working calendar as production builds it, without Spring or a database. */
public final class ShippedCalendar {

    private ShippedCalendar() {
    }

    /** Statutory rules plus the official schedule files in src/main/resources (Tết 2026: 14-22 February off). */
    public static WorkingCalendar withOfficialSchedules() {
        return TestCalendars.withShippedSchedules();
    }
}
