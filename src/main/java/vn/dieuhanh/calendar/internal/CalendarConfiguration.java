package vn.dieuhanh.calendar.internal;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the calendar module; the schedule files are read once at start. */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    VietnameseLunarCalendar lunarCalendar() {
        return new VietnameseLunarCalendar();
    }

    @Bean
    ScheduleOverrideRepository calendarScheduleOverrideRepository(DataSource dataSource) {
        return new ScheduleOverrideRepository(dataSource);
    }

    @Bean
    OfficialSchedules officialSchedules(ScheduleOverrideRepository overrides) {
        return new OfficialSchedules(ScheduleFiles.load(ScheduleFiles.LOCATION), overrides);
    }

    /**
     * {@code dieuhanh.calendar.refresh-interval} (default 30s): how long a node may keep serving working days
     * from its cache after another node changed a schedule.
     */
    @Bean
    OfficialWorkingCalendar workingCalendar(VietnameseLunarCalendar lunarCalendar, OfficialSchedules schedules,
            ScheduleOverrideRepository repository,
            @Value("${dieuhanh.calendar.working-hours:" + WorkingHours.DEFAULT + "}") String workingHours,
            @Value("${dieuhanh.calendar.refresh-interval:30s}") String refreshInterval) {
        // the system clock on purpose, not the application's (engine) clock: it only spaces the cache's version
        // checks in real elapsed time, which must go on when a test stops or moves the engine clock back
        return new OfficialWorkingCalendar(lunarCalendar, schedules, WorkingHours.parse(workingHours), repository,
                Clock.systemUTC(), refreshInterval(refreshInterval));
    }

    /** "30s", "2m", "PT30S" or plain milliseconds, as Spring Boot reads durations. */
    static Duration refreshInterval(String text) {
        try {
            return DurationStyle.detectAndParse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dieuhanh.calendar.refresh-interval must be a duration such as 30s,"
                    + " got '" + text + "'", e);
        }
    }

    @Bean
    ScheduleAdministration calendarScheduleAdministration(OfficialSchedules schedules,
            ScheduleOverrideRepository repository, OfficialWorkingCalendar workingCalendar, Clock clock) {
        return new ScheduleAdministration(schedules, repository, workingCalendar, clock);
    }
}
