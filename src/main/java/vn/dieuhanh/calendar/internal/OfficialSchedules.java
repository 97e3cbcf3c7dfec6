package vn.dieuhanh.calendar.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An administrator's override of a year wins over the schedule file shipped for that year. */
class OfficialSchedules implements OfficialScheduleSource {

    enum Origin { OVERRIDE, FILE, STATUTORY_DEFAULT }

    record YearSchedule(int year, Origin origin, List<ScheduleEntry> entries) {
    }

    private final Map<Integer, List<ScheduleEntry>> files;
    private final ScheduleOverrideRepository overrides;

    OfficialSchedules(Map<Integer, List<ScheduleEntry>> files, ScheduleOverrideRepository overrides) {
        this.files = Map.copyOf(files);
        this.overrides = overrides;
    }

    @Override
    public List<ScheduleEntry> entriesFor(int year) {
        return schedule(year).entries();
    }

    YearSchedule schedule(int year) {
        Optional<List<ScheduleEntry>> override = overrides.findOverride(year);
        if (override.isPresent()) {
            return new YearSchedule(year, Origin.OVERRIDE, override.get());
        }
        List<ScheduleEntry> file = files.get(year);
        if (file != null) {
            return new YearSchedule(year, Origin.FILE, file);
        }
        return new YearSchedule(year, Origin.STATUTORY_DEFAULT, List.of());
    }
}
