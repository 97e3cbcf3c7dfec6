package vn.dieuhanh.calendar.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.dieuhanh.calendar.DayKind;

/**
 * The cal_ tables of V3__calendar_schedule_overrides.sql and V5__calendar_schedule_version.sql. Every change
 * increments the cluster-wide schedule version in its own transaction, so other nodes notice it.
 */
class ScheduleOverrideRepository implements ScheduleVersionSource {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    ScheduleOverrideRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** The overriding entries of a year, or empty when the year is not overridden. */
    Optional<List<ScheduleEntry>> findOverride(int year) {
        boolean overridden = jdbc.sql("SELECT COUNT(*) FROM cal_schedule_override WHERE schedule_year = :year")
                .param("year", year).query(Long.class).single() > 0;
        if (!overridden) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("""
                        SELECT entry_date, kind, holiday_group, name, source FROM cal_schedule_override_entry
                        WHERE schedule_year = :year ORDER BY entry_date, id""")
                .param("year", year)
                .query((rs, row) -> toEntry(rs))
                .list());
    }

    /** The number of schedule changes ever committed (cal_schedule_version), cheap: one row by primary key. */
    @Override
    public long currentVersion() {
        return jdbc.sql("SELECT version_no FROM cal_schedule_version WHERE id = 1").query(Long.class).single();
    }

    /** Stores the override of a year; returns the schedule version this change committed. */
    long replace(int year, List<ScheduleEntry> entries, ScheduleAuditRecord audit) {
        return transaction.execute(status -> {
            long version = bumpVersion();
            deleteOverride(year);
            jdbc.sql("""
                            INSERT INTO cal_schedule_override (schedule_year, reason, updated_by, updated_at)
                            VALUES (:year, :reason, :user, :at)""")
                    .param("year", year).param("reason", audit.reason()).param("user", audit.changedBy())
                    .param("at", audit.changedAt())
                    .update();
            for (ScheduleEntry entry : entries) {
                jdbc.sql("""
                                INSERT INTO cal_schedule_override_entry
                                    (schedule_year, entry_date, kind, holiday_group, name, source)
                                VALUES (:year, :date, :kind, :group, :name, :source)""")
                        .param("year", year).param("date", entry.date()).param("kind", entry.kind().name())
                        .param("group", entry.group().name()).param("name", entry.name())
                        .param("source", entry.source())
                        .update();
            }
            append(audit);
            return version;
        });
    }

    /** Drops the override of a year; returns the schedule version this change committed. */
    long remove(int year, ScheduleAuditRecord audit) {
        return transaction.execute(status -> {
            long version = bumpVersion();
            deleteOverride(year);
            append(audit);
            return version;
        });
    }

    List<ScheduleAuditRecord> auditTrail(int year) {
        return jdbc.sql("""
                        SELECT schedule_year, change_kind, changed_by, changed_at, reason, old_entries, new_entries
                        FROM cal_schedule_audit WHERE schedule_year = :year ORDER BY id""")
                .param("year", year)
                .query((rs, row) -> new ScheduleAuditRecord(rs.getInt("schedule_year"), rs.getString("change_kind"),
                        rs.getString("changed_by"), rs.getObject("changed_at", OffsetDateTime.class),
                        rs.getString("reason"), rs.getString("old_entries"), rs.getString("new_entries")))
                .list();
    }

    /**
     * Increments the version first: the row lock also serialises concurrent changes (on PostgreSQL the second
     * transaction waits for the first to commit), and the new value becomes visible with the change itself.
     */
    private long bumpVersion() {
        int updated = jdbc.sql("UPDATE cal_schedule_version SET version_no = version_no + 1 WHERE id = 1").update();
        if (updated != 1) {
            throw new IllegalStateException("cal_schedule_version has no row: is V5__calendar_schedule_version.sql applied?");
        }
        return currentVersion();
    }

    private void deleteOverride(int year) {
        jdbc.sql("DELETE FROM cal_schedule_override_entry WHERE schedule_year = :year").param("year", year).update();
        jdbc.sql("DELETE FROM cal_schedule_override WHERE schedule_year = :year").param("year", year).update();
    }

    private void append(ScheduleAuditRecord audit) {
        jdbc.sql("""
                        INSERT INTO cal_schedule_audit
                            (schedule_year, change_kind, changed_by, changed_at, reason, old_entries, new_entries)
                        VALUES (:year, :kind, :user, :at, :reason, :old, :new)""")
                .param("year", audit.year()).param("kind", audit.changeKind()).param("user", audit.changedBy())
                .param("at", audit.changedAt()).param("reason", audit.reason())
                .param("old", audit.oldEntries()).param("new", audit.newEntries())
                .update();
    }

    private static ScheduleEntry toEntry(ResultSet rs) throws SQLException {
        return new ScheduleEntry(rs.getObject("entry_date", LocalDate.class), DayKind.valueOf(rs.getString("kind")),
                HolidayGroup.valueOf(rs.getString("holiday_group")), rs.getString("name"), rs.getString("source"));
    }
}
