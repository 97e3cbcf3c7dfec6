package vn.dieuhanh.calendar.internal;

import java.util.List;
import java.util.Map;

/** Calendars wired like production but without Spring or a database. */
final class TestCalendars {

    private TestCalendars() {
    }

    /** Statutory rules plus the schedule files shipped in src/main/resources. */
    static OfficialWorkingCalendar withShippedSchedules() {
        Map<Integer, List<ScheduleEntry>> files = ScheduleFiles.load(ScheduleFiles.LOCATION);
        return new OfficialWorkingCalendar(new VietnameseLunarCalendar(),
                year -> files.getOrDefault(year, List.of()), WorkingHours.parse(WorkingHours.DEFAULT));
    }

    /** Statutory rules only. */
    static OfficialWorkingCalendar statutoryOnly() {
        return new OfficialWorkingCalendar(new VietnameseLunarCalendar(), year -> List.of(),
                WorkingHours.parse(WorkingHours.DEFAULT));
    }
}
