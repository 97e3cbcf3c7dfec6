package vn.dieuhanh.calendar.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import vn.dieuhanh.calendar.DayKind;

/**
 * Reads the analysts' yearly schedule files ({@code calendar/schedules/2026.yaml}, ...), see
 * docs/calendar.md for the format. A broken file stops the application at start rather than
 * silently counting deadlines with the wrong days.
 */
final class ScheduleFiles {

    static final String LOCATION = "classpath*:calendar/schedules/*.yaml";

    private ScheduleFiles() {
    }

    static Map<Integer, List<ScheduleEntry>> load(String locationPattern) {
        Map<Integer, List<ScheduleEntry>> schedules = new HashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(locationPattern)) {
                try (InputStream in = resource.getInputStream()) {
                    ParsedFile parsed = parse(in, resource.getDescription());
                    if (schedules.putIfAbsent(parsed.year(), parsed.entries()) != null) {
                        throw new IllegalStateException("Two schedule files for year " + parsed.year());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read calendar schedules from " + locationPattern, e);
        }
        return schedules;
    }

    record ParsedFile(int year, List<ScheduleEntry> entries) {
    }

    static ParsedFile parse(InputStream in, String description) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        try {
            Map<?, ?> root = (Map<?, ?>) document;
            int year = ((Number) root.get("year")).intValue();
            List<ScheduleEntry> entries = new ArrayList<>();
            for (Object item : (List<?>) root.get("entries")) {
                Map<?, ?> entry = (Map<?, ?>) item;
                LocalDate date = toDate(field(entry, "date"));
                if (date.getYear() != year) {
                    throw new IllegalStateException("entry " + date + " is not in year " + year);
                }
                entries.add(new ScheduleEntry(date,
                        DayKind.valueOf(text(field(entry, "kind")).toUpperCase(Locale.ROOT)),
                        HolidayGroup.valueOf(text(field(entry, "group")).toUpperCase(Locale.ROOT)),
                        text(field(entry, "name")), text(field(entry, "source"))));
            }
            return new ParsedFile(year, List.copyOf(entries));
        } catch (RuntimeException e) {
            throw new IllegalStateException("Invalid calendar schedule " + description + ": " + e.getMessage(), e);
        }
    }

    private static LocalDate toDate(Object value) {
        // SnakeYAML turns an unquoted 2026-02-16 into a java.util.Date at UTC midnight.
        if (value instanceof Date date) {
            return date.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
        }
        return LocalDate.parse(text(value));
    }

    private static Object field(Map<?, ?> entry, String name) {
        Object value = entry.get(name);
        if (value == null) {
            throw new IllegalStateException("an entry has no '" + name + "': " + entry);
        }
        return value;
    }

    private static String text(Object value) {
        return value.toString().trim();
    }
}
