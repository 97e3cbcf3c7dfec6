package vn.dieuhanh.calendar.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;

import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/**
 * The calendar module wired like {@link CalendarConfiguration}, on an in-memory H2 database (plain H2 mode, as in
 * production) with the module's Flyway scripts applied. Several fixtures on one database are several application
 * nodes of a cluster.
 */
final class CalendarModuleFixture implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-01-05T02:00:00Z");
    static final Duration REFRESH_INTERVAL = Duration.ofSeconds(30);

    final EmbeddedDatabase database;
    final ScheduleOverrideRepository repository;
    final OfficialSchedules schedules;
    final VietnameseLunarCalendar lunarCalendar;
    final OfficialWorkingCalendar workingCalendar;
    final ScheduleAdministration administration;
    private final boolean ownsDatabase;

    /** One node on its own fresh database, with the clock stopped at {@link #NOW}. */
    CalendarModuleFixture() {
        this(newDatabase(), true, Clock.fixed(NOW, ZoneOffset.UTC), UnaryOperator.identity(), UnaryOperator.identity());
    }

    private CalendarModuleFixture(EmbeddedDatabase database, boolean ownsDatabase, Clock clock,
            UnaryOperator<ScheduleVersionSource> versionSource, UnaryOperator<OfficialScheduleSource> scheduleSource) {
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        repository = new ScheduleOverrideRepository(database);
        schedules = new OfficialSchedules(ScheduleFiles.load(ScheduleFiles.LOCATION), repository);
        lunarCalendar = new VietnameseLunarCalendar();
        workingCalendar = new OfficialWorkingCalendar(lunarCalendar, scheduleSource.apply(schedules),
                WorkingHours.parse(WorkingHours.DEFAULT), versionSource.apply(repository), clock, REFRESH_INTERVAL);
        administration = new ScheduleAdministration(schedules, repository, workingCalendar, clock);
    }

    /** A node on a database shared with other nodes (closing it leaves the database open). */
    static CalendarModuleFixture node(EmbeddedDatabase sharedDatabase, Clock clock) {
        return node(sharedDatabase, clock, UnaryOperator.identity(), UnaryOperator.identity());
    }

    /** A node whose calendar reads the version and the schedules through wrappers, e.g. to count database reads. */
    static CalendarModuleFixture node(EmbeddedDatabase sharedDatabase, Clock clock,
            UnaryOperator<ScheduleVersionSource> versionSource, UnaryOperator<OfficialScheduleSource> scheduleSource) {
        return new CalendarModuleFixture(sharedDatabase, false, clock, versionSource, scheduleSource);
    }

    static EmbeddedDatabase newDatabase() {
        return new EmbeddedDatabaseBuilder()
                .generateUniqueName(true)
                .setType(EmbeddedDatabaseType.H2)
                .addScript("classpath:db/migration/common/V3__calendar_schedule_overrides.sql")
                .addScript("classpath:db/migration/common/V5__calendar_schedule_version.sql")
                .build();
    }

    @Override
    public void close() {
        if (ownsDatabase) {
            database.shutdown();
        }
    }
}
