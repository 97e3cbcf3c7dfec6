package vn.dieuhanh.calendar.internal;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
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

    @Bean
    OfficialWorkingCalendar workingCalendar(VietnameseLunarCalendar lunarCalendar, OfficialSchedules schedules,
            @Value("${dieuhanh.calendar.working-hours:" + WorkingHours.DEFAULT + "}") String workingHours) {
        return new OfficialWorkingCalendar(lunarCalendar, schedules, WorkingHours.parse(workingHours));
    }

    @Bean
    ScheduleAdministration calendarScheduleAdministration(OfficialSchedules schedules,
            ScheduleOverrideRepository repository, OfficialWorkingCalendar workingCalendar) {
        return new ScheduleAdministration(schedules, repository, workingCalendar, Clock.systemUTC());
    }
}
