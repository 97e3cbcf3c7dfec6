package vn.dieuhanh.calendar.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/**
 * The calendar module wired like {@link CalendarConfiguration}, on a fresh in-memory H2 database
 * (plain H2 mode, as in production) with the module's Flyway script applied.
 */
final class CalendarModuleFixture implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-01-05T02:00:00Z");

    final EmbeddedDatabase database;
    final ScheduleOverrideRepository repository;
    final OfficialSchedules schedules;
    final VietnameseLunarCalendar lunarCalendar;
    final OfficialWorkingCalendar workingCalendar;
    final ScheduleAdministration administration;

    CalendarModuleFixture() {
        database = new EmbeddedDatabaseBuilder()
                .generateUniqueName(true)
                .setType(EmbeddedDatabaseType.H2)
                .addScript("classpath:db/migration/common/V3__calendar_schedule_overrides.sql")
                .build();
        repository = new ScheduleOverrideRepository(database);
        schedules = new OfficialSchedules(ScheduleFiles.load(ScheduleFiles.LOCATION), repository);
        lunarCalendar = new VietnameseLunarCalendar();
        workingCalendar = new OfficialWorkingCalendar(lunarCalendar, schedules, WorkingHours.parse(WorkingHours.DEFAULT));
        administration = new ScheduleAdministration(schedules, repository, workingCalendar,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Override
    public void close() {
        database.shutdown();
    }
}
