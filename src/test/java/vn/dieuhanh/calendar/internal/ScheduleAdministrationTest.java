package vn.dieuhanh.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.dieuhanh.calendar.CalendarArgumentException;
import vn.dieuhanh.calendar.DayKind;

class ScheduleAdministrationTest {

    private static final String SOURCE = "Thông báo thử nghiệm (test)";

    private final CalendarModuleFixture module = new CalendarModuleFixture();

    @AfterEach
    void closeDatabase() {
        module.close();
    }

    @Test
    void shippedFilesAreTheOfficialSchedulesUntilOverridden() {
        assertThat(module.administration.schedule(2026).origin()).isEqualTo(OfficialSchedules.Origin.FILE);
        assertThat(module.administration.schedule(2026).entries()).hasSize(5);
        assertThat(module.administration.schedule(2030).origin()).isEqualTo(OfficialSchedules.Origin.STATUTORY_DEFAULT);
    }

    @Test
    void overrideIsPersistedAuditedAndChangesWorkingDaysImmediately() {
        LocalDate friday = LocalDate.of(2027, 4, 30);
        assertThat(module.workingCalendar.isWorkingDay(LocalDate.of(2027, 4, 29))).isTrue();

        // 2027: swap Thursday 29/4 with make-up Saturday 24/4 (a fictitious decision for the test)
        List<ScheduleEntry> entries = List.of(
                new ScheduleEntry(LocalDate.of(2027, 4, 24), DayKind.MAKEUP_WORKING_DAY, HolidayGroup.REUNIFICATION,
                        "Làm bù", SOURCE),
                new ScheduleEntry(LocalDate.of(2027, 4, 29), DayKind.COMPENSATORY_DAY_OFF, HolidayGroup.REUNIFICATION,
                        "Nghỉ hoán đổi", SOURCE),
                new ScheduleEntry(friday, DayKind.HOLIDAY, HolidayGroup.REUNIFICATION, "Ngày Chiến thắng", SOURCE));
        var result = module.administration.replace(2027, entries, "Quyết định mới", "demo");

        assertThat(result.origin()).isEqualTo(OfficialSchedules.Origin.OVERRIDE);
        assertThat(result.entries()).containsExactlyElementsOf(entries);
        assertThat(module.workingCalendar.isWorkingDay(LocalDate.of(2027, 4, 29))).isFalse();
        assertThat(module.workingCalendar.isWorkingDay(LocalDate.of(2027, 4, 24))).isTrue();

        // a second repository on the same database sees the persisted override
        assertThat(new ScheduleOverrideRepository(module.database).findOverride(2027)).contains(entries);

        var audit = module.administration.auditTrail(2027);
        assertThat(audit).singleElement().satisfies(record -> {
            assertThat(record.changeKind()).isEqualTo("REPLACED");
            assertThat(record.changedBy()).isEqualTo("demo");
            assertThat(record.changedAt().toInstant()).isEqualTo(CalendarModuleFixture.NOW);
            assertThat(record.reason()).isEqualTo("Quyết định mới");
            assertThat(record.oldEntries()).isEqualTo("[]");
            assertThat(record.newEntries()).contains("\"date\":\"2027-04-29\"", "COMPENSATORY_DAY_OFF", SOURCE);
        });
    }

    @Test
    void revertingRestoresTheShippedFileAndIsAudited() {
        module.administration.replace(2026, List.of(), "Thử bỏ lịch Tết", "demo");
        assertThat(module.administration.schedule(2026).origin()).isEqualTo(OfficialSchedules.Origin.OVERRIDE);

        var reverted = module.administration.revert(2026, "Khôi phục", "admin2");

        assertThat(reverted.origin()).isEqualTo(OfficialSchedules.Origin.FILE);
        assertThat(module.administration.auditTrail(2026))
                .extracting(ScheduleAuditRecord::changeKind, ScheduleAuditRecord::changedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("REPLACED", "demo"),
                        org.assertj.core.groups.Tuple.tuple("REVERTED", "admin2"));
        assertThat(module.administration.auditTrail(2026).get(0).oldEntries()).contains("2026-02-17");
    }

    @Test
    void overridingTetChangesDeadlines() {
        OffsetDateTime event = OffsetDateTime.parse("2026-02-12T10:00:00+07:00");
        assertThat(module.workingCalendar.deadlineAfterWorkingDays(event, 3)).hasToString("2026-02-24T23:59:59+07:00");
        // pretend Tết were only the three days 16-18 February
        List<ScheduleEntry> shorterTet = List.of(
                new ScheduleEntry(LocalDate.of(2026, 2, 16), DayKind.HOLIDAY, HolidayGroup.TET, "Tết", SOURCE),
                new ScheduleEntry(LocalDate.of(2026, 2, 17), DayKind.HOLIDAY, HolidayGroup.TET, "Tết", SOURCE),
                new ScheduleEntry(LocalDate.of(2026, 2, 18), DayKind.HOLIDAY, HolidayGroup.TET, "Tết", SOURCE));
        module.administration.replace(2026, shorterTet, "test", "demo");
        assertThat(module.workingCalendar.deadlineAfterWorkingDays(event, 3)).hasToString("2026-02-20T23:59:59+07:00");
    }

    @Test
    void rejectsInvalidChanges() {
        assertThatThrownBy(() -> module.administration.replace(2026, List.of(), " ", "demo"))
                .isInstanceOf(CalendarArgumentException.class).hasMessageContaining("reason");
        List<ScheduleEntry> wrongYear = List.of(new ScheduleEntry(LocalDate.of(2025, 1, 1), DayKind.HOLIDAY,
                HolidayGroup.NEW_YEAR, "Tết Dương lịch", SOURCE));
        assertThatThrownBy(() -> module.administration.replace(2026, wrongYear, "x", "demo"))
                .isInstanceOf(CalendarArgumentException.class).hasMessageContaining("not in year 2026");
        assertThatThrownBy(() -> module.administration.revert(2030, "x", "demo"))
                .isInstanceOf(CalendarArgumentException.class).hasMessageContaining("no run-time override");
        assertThatThrownBy(() -> new ScheduleEntry(LocalDate.of(2026, 3, 4), DayKind.MAKEUP_WORKING_DAY,
                HolidayGroup.TET, "x", SOURCE)).isInstanceOf(CalendarArgumentException.class)
                .hasMessageContaining("Saturday or Sunday");
        assertThat(module.administration.auditTrail(2026)).isEmpty();
    }
}
