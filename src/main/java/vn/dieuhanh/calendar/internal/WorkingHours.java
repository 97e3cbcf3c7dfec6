package vn.dieuhanh.calendar.internal;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** Office hours of a working day, e.g. "08:00-12:00,13:00-17:00" (8 hours). */
record WorkingHours(List<Period> periods) {

    static final String DEFAULT = "08:00-12:00,13:00-17:00";

    record Period(LocalTime start, LocalTime end) {

        Duration length() {
            return Duration.between(start, end);
        }
    }

    WorkingHours {
        periods = List.copyOf(periods);
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("At least one working period is required");
        }
        LocalTime previousEnd = LocalTime.MIN;
        for (Period period : periods) {
            if (!period.start().isBefore(period.end()) || period.start().isBefore(previousEnd)) {
                throw new IllegalArgumentException("Working periods must be increasing and not overlap: " + periods);
            }
            previousEnd = period.end();
        }
    }

    static WorkingHours parse(String text) {
        List<Period> periods = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] bounds = part.trim().split("-");
            if (bounds.length != 2) {
                throw new IllegalArgumentException("Working period must look like 08:00-12:00, got " + part);
            }
            periods.add(new Period(LocalTime.parse(bounds[0].trim()), LocalTime.parse(bounds[1].trim())));
        }
        return new WorkingHours(periods);
    }

    Duration perDay() {
        return periods.stream().map(Period::length).reduce(Duration.ZERO, Duration::plus);
    }
}
