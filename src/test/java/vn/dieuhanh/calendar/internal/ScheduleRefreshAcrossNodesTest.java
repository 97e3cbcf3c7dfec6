package vn.dieuhanh.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;

import vn.dieuhanh.calendar.DayKind;

/**
 * Two application nodes (two calendars with their own caches) on one database: a schedule changed through one
 * node is used by the other after at most the refresh interval, driven by a hand-moved clock.
 */
class ScheduleRefreshAcrossNodesTest {

    private static final String SOURCE = "Thông báo thử nghiệm (test)";
    private static final LocalDate THURSDAY = LocalDate.of(2027, 4, 29);
    private static final LocalDate SATURDAY = LocalDate.of(2027, 4, 24);
    /** 2027: swap Thursday 29/4 with make-up Saturday 24/4 (a fictitious decision for the test). */
    private static final List<ScheduleEntry> SWAP_2027 = List.of(
            new ScheduleEntry(SATURDAY, DayKind.MAKEUP_WORKING_DAY, HolidayGroup.REUNIFICATION, "Làm bù", SOURCE),
            new ScheduleEntry(THURSDAY, DayKind.COMPENSATORY_DAY_OFF, HolidayGroup.REUNIFICATION, "Nghỉ hoán đổi",
                    SOURCE),
            new ScheduleEntry(LocalDate.of(2027, 4, 30), DayKind.HOLIDAY, HolidayGroup.REUNIFICATION,
                    "Ngày Chiến thắng", SOURCE));

    private final EmbeddedDatabase database = CalendarModuleFixture.newDatabase();
    private final MutableClock clock = new MutableClock(CalendarModuleFixture.NOW);

    @AfterEach
    void closeDatabase() {
        database.shutdown();
    }

    @Test
    void overrideMadeOnOneNodeReachesTheOtherAfterTheRefreshInterval() {
        CalendarModuleFixture nodeA = CalendarModuleFixture.node(database, clock);
        CalendarModuleFixture nodeB = CalendarModuleFixture.node(database, clock);
        // both nodes have 2027 cached with the statutory rule
        assertThat(nodeA.workingCalendar.isWorkingDay(THURSDAY)).isTrue();
        assertThat(nodeB.workingCalendar.isWorkingDay(THURSDAY)).isTrue();
        assertThat(nodeB.workingCalendar.isWorkingDay(SATURDAY)).isFalse();

        clock.advance(Duration.ofSeconds(10));
        nodeA.administration.replace(2027, SWAP_2027, "Quyết định mới", "admin");

        assertThat(nodeA.workingCalendar.isWorkingDay(THURSDAY)).as("node A, at once").isFalse();
        clock.advance(Duration.ofSeconds(19)); // 29 s after B's last check: B still uses its cached table
        assertThat(nodeB.workingCalendar.isWorkingDay(THURSDAY)).as("node B before its next check").isTrue();

        clock.advance(Duration.ofSeconds(1)); // 30 s: B checks the schedule version and drops its tables
        assertThat(nodeB.workingCalendar.isWorkingDay(THURSDAY)).as("node B after the refresh interval").isFalse();
        assertThat(nodeB.workingCalendar.isWorkingDay(SATURDAY)).isTrue();
        assertThat(nodeB.workingCalendar.holidays(2027))
                .filteredOn(day -> day.date().equals(THURSDAY))
                .singleElement().satisfies(day -> assertThat(day.kind()).isEqualTo(DayKind.COMPENSATORY_DAY_OFF));
    }

    @Test
    void revertMadeOnOneNodeReachesTheOtherAfterTheRefreshInterval() {
        CalendarModuleFixture nodeA = CalendarModuleFixture.node(database, clock);
        CalendarModuleFixture nodeB = CalendarModuleFixture.node(database, clock);
        nodeA.administration.replace(2027, SWAP_2027, "Quyết định mới", "admin");
        assertThat(nodeA.workingCalendar.isWorkingDay(THURSDAY)).isFalse();
        assertThat(nodeB.workingCalendar.isWorkingDay(THURSDAY)).isFalse();

        nodeB.administration.revert(2027, "Huỷ quyết định", "admin");

        assertThat(nodeB.workingCalendar.isWorkingDay(THURSDAY)).isTrue();
        assertThat(nodeA.workingCalendar.isWorkingDay(THURSDAY)).as("node A before its next check").isFalse();
        clock.advance(CalendarModuleFixture.REFRESH_INTERVAL);
        assertThat(nodeA.workingCalendar.isWorkingDay(THURSDAY)).as("node A after the refresh interval").isTrue();
    }

    @Test
    void betweenChecksTheHotPathDoesNotTouchTheDatabase() {
        AtomicInteger versionReads = new AtomicInteger();
        AtomicInteger scheduleReads = new AtomicInteger();
        CalendarModuleFixture node = CalendarModuleFixture.node(database, clock,
                repository -> () -> {
                    versionReads.incrementAndGet();
                    return repository.currentVersion();
                },
                schedules -> year -> {
                    scheduleReads.incrementAndGet();
                    return schedules.entriesFor(year);
                });

        for (int day = 0; day < 1000; day++) {
            node.workingCalendar.isWorkingDay(LocalDate.of(2027, 1, 1).plusDays(day % 365));
            node.workingCalendar.addWorkingDays(LocalDate.of(2026, 12, 20), day % 40);
            clock.advance(Duration.ofMillis(25)); // 1000 calls spread over 25 s, inside one interval
        }
        assertThat(versionReads).as("version checks").hasValue(1);
        assertThat(scheduleReads).as("schedule reads: one per year built").hasValue(2);

        clock.advance(Duration.ofSeconds(5));
        node.workingCalendar.isWorkingDay(THURSDAY);
        assertThat(versionReads).as("one check per interval").hasValue(2);
        assertThat(scheduleReads).as("version unchanged: nothing rebuilt").hasValue(2);
    }

    @Test
    void aChangeMadeOnThisNodeDoesNotMakeItRebuildOtherYears() {
        AtomicInteger scheduleReads = new AtomicInteger();
        CalendarModuleFixture node = CalendarModuleFixture.node(database, clock, source -> source,
                schedules -> year -> {
                    scheduleReads.incrementAndGet();
                    return schedules.entriesFor(year);
                });
        node.workingCalendar.isWorkingDay(LocalDate.of(2026, 2, 17));
        node.workingCalendar.isWorkingDay(THURSDAY);
        assertThat(scheduleReads).hasValue(2);

        node.administration.replace(2027, SWAP_2027, "Quyết định mới", "admin");
        clock.advance(CalendarModuleFixture.REFRESH_INTERVAL);

        assertThat(node.workingCalendar.isWorkingDay(LocalDate.of(2026, 2, 17))).isFalse();
        assertThat(node.workingCalendar.isWorkingDay(THURSDAY)).isFalse();
        assertThat(scheduleReads).as("only 2027 rebuilt").hasValue(3);
    }

    @Test
    void aFailedCheckKeepsTheCachedTablesAndIsRetriedAfterTheInterval() {
        AtomicBoolean databaseDown = new AtomicBoolean();
        CalendarModuleFixture nodeA = CalendarModuleFixture.node(database, clock);
        CalendarModuleFixture nodeB = CalendarModuleFixture.node(database, clock,
                repository -> () -> {
                    if (databaseDown.get()) {
                        throw new org.springframework.dao.DataAccessResourceFailureException("connection refused");
                    }
                    return repository.currentVersion();
                }, source -> source);
        assertThat(nodeB.workingCalendar.isWorkingDay(THURSDAY)).isTrue();
        nodeA.administration.replace(2027, SWAP_2027, "Quyết định mới", "admin");

        databaseDown.set(true);
        clock.advance(CalendarModuleFixture.REFRESH_INTERVAL);
        assertThat(nodeB.workingCalendar.isWorkingDay(THURSDAY)).as("cached table while the check fails").isTrue();

        databaseDown.set(false);
        clock.advance(Duration.ofSeconds(29));
        assertThat(nodeB.workingCalendar.isWorkingDay(THURSDAY)).as("no retry before the interval").isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(nodeB.workingCalendar.isWorkingDay(THURSDAY)).as("after the retry").isFalse();
    }

    @Test
    void everyChangeIncrementsTheScheduleVersion() {
        CalendarModuleFixture node = CalendarModuleFixture.node(database, clock);
        assertThat(node.repository.currentVersion()).isZero();
        node.administration.replace(2027, SWAP_2027, "Quyết định mới", "admin");
        node.administration.replace(2027, List.of(), "Bỏ lịch", "admin");
        node.administration.revert(2027, "Khôi phục", "admin");
        assertThat(node.repository.currentVersion()).isEqualTo(3);
        assertThat(node.administration.auditTrail(2027)).hasSize(3);
    }
}
