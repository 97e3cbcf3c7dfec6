package vn.dieuhanh.indicator.internal.reporting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Campaigns, reports, their audit trail and values, the schedule and the job's run log (tables of V11). */
@Repository
public class ReportingRepository {

    public record Campaign(String id, String period, String frequency, Instant dueAt, Instant openedAt,
                           String openedBy, Instant closedAt, String processInstanceId) {
    }

    public record Report(String id, String campaignId, String unitCode, String period, ReportStatus status,
                         Instant dueAt, Instant submittedAt, Instant approvedAt, Instant overdueAt, int version,
                         String processInstanceId) {
    }

    public record Entry(long id, String reportId, int version, EntryKind kind, String actor, Instant at,
                        String reason, Integer refersTo) {
    }

    public record Value(String indicatorCode, BigDecimal value, String note) {
    }

    public record Schedule(String frequency, String openCron, int dueWorkingDays, boolean enabled, String updatedBy,
                           Instant updatedAt) {
    }

    public record Run(long id, String fireId, String frequency, String period, String node, String outcome,
                      Instant ranAt) {
    }

    private final JdbcClient jdbc;

    public ReportingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- campaigns -------------------------------------------------------------------------------------------------

    /** Inserts the campaign unless its period has one; true if inserted (the unique period key guards races). */
    public boolean insertCampaign(Campaign c) {
        return jdbc.sql("""
                        INSERT INTO ind_campaign (id, period, frequency, due_at, opened_at, opened_by)
                        SELECT CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(10)), CAST(? AS VARCHAR(20)),
                               CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE),
                               CAST(? AS VARCHAR(150))
                         WHERE NOT EXISTS (SELECT 1 FROM ind_campaign WHERE period = ?)""")
                .params(c.id(), c.period(), c.frequency(), utc(c.dueAt()), utc(c.openedAt()), c.openedBy(),
                        c.period()).update() == 1;
    }

    public void setCampaignProcess(String campaignId, String processInstanceId) {
        jdbc.sql("UPDATE ind_campaign SET process_instance_id = ? WHERE id = ?").params(processInstanceId, campaignId)
                .update();
    }

    public void closeCampaign(String campaignId, Instant at) {
        jdbc.sql("UPDATE ind_campaign SET closed_at = ? WHERE id = ? AND closed_at IS NULL")
                .params(utc(at), campaignId).update();
    }

    public Optional<Campaign> campaign(String id) {
        return jdbc.sql("SELECT * FROM ind_campaign WHERE id = ?").param(id).query(ReportingRepository::campaign)
                .optional();
    }

    public Optional<Campaign> campaignOfPeriod(String period) {
        return jdbc.sql("SELECT * FROM ind_campaign WHERE period = ?").param(period)
                .query(ReportingRepository::campaign).optional();
    }

    public List<Campaign> campaigns() {
        return jdbc.sql("SELECT * FROM ind_campaign ORDER BY opened_at DESC").query(ReportingRepository::campaign)
                .list();
    }

    // --- reports ---------------------------------------------------------------------------------------------------

    /** Inserts the unit's report of the period unless it exists; returns the id of the unit's report either way. */
    public String insertReport(String id, String campaignId, String unitCode, String period, Instant dueAt) {
        jdbc.sql("""
                        INSERT INTO ind_report (id, campaign_id, unit_code, period, status, due_at, version)
                        SELECT CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(100)),
                               CAST(? AS VARCHAR(10)), 'OPEN', CAST(? AS TIMESTAMP WITH TIME ZONE), 0
                         WHERE NOT EXISTS (SELECT 1 FROM ind_report WHERE unit_code = ? AND period = ?)""")
                .params(id, campaignId, unitCode, period, utc(dueAt), unitCode, period).update();
        return jdbc.sql("SELECT id FROM ind_report WHERE unit_code = ? AND period = ?").params(unitCode, period)
                .query(String.class).single();
    }

    public Optional<Report> report(String id) {
        return jdbc.sql("SELECT * FROM ind_report WHERE id = ?").param(id).query(ReportingRepository::report)
                .optional();
    }

    /** Reads the report with a row lock, so concurrent changes of one report are serialised. */
    public Optional<Report> lockReport(String id) {
        return jdbc.sql("SELECT * FROM ind_report WHERE id = ? FOR UPDATE").param(id)
                .query(ReportingRepository::report).optional();
    }

    public List<Report> reportsOfCampaign(String campaignId) {
        return jdbc.sql("SELECT * FROM ind_report WHERE campaign_id = ? ORDER BY unit_code").param(campaignId)
                .query(ReportingRepository::report).list();
    }

    public List<Report> reports(String unitCode, String period) {
        StringBuilder sql = new StringBuilder("SELECT * FROM ind_report WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (unitCode != null) {
            sql.append(" AND unit_code = ?");
            params.add(unitCode);
        }
        if (period != null) {
            sql.append(" AND period = ?");
            params.add(period);
        }
        sql.append(" ORDER BY period DESC, unit_code");
        return jdbc.sql(sql.toString()).params(params).query(ReportingRepository::report).list();
    }

    /** Binds the report to the process instance that collects it, once: false if it is bound already. */
    public boolean setReportProcess(String reportId, String processInstanceId) {
        return jdbc.sql("UPDATE ind_report SET process_instance_id = ? WHERE id = ? AND process_instance_id IS NULL")
                .params(processInstanceId, reportId).update() == 1;
    }

    public Optional<Report> reportOfProcess(String processInstanceId) {
        return jdbc.sql("SELECT * FROM ind_report WHERE process_instance_id = ?").param(processInstanceId)
                .query(ReportingRepository::report).optional();
    }

    public void updateStatus(String reportId, ReportStatus status, int version) {
        jdbc.sql("UPDATE ind_report SET status = ?, version = ? WHERE id = ?").params(status.name(), version, reportId)
                .update();
    }

    public void markSubmitted(String reportId, Instant at, int version) {
        jdbc.sql("UPDATE ind_report SET status = 'SUBMITTED', submitted_at = ?, version = ? WHERE id = ?")
                .params(utc(at), version, reportId).update();
    }

    /** Sets approved_at on the first approval only; true if this was the first. */
    public boolean markApproved(String reportId, Instant at, int version) {
        int first = jdbc.sql("UPDATE ind_report SET approved_at = ? WHERE id = ? AND approved_at IS NULL")
                .params(utc(at), reportId).update();
        updateStatus(reportId, ReportStatus.APPROVED, version);
        return first == 1;
    }

    /** Records that the report passed its due date unsubmitted; true only the first time (exactly once). */
    public boolean markOverdue(String reportId, Instant at) {
        return jdbc.sql("UPDATE ind_report SET overdue_at = ? WHERE id = ? AND overdue_at IS NULL")
                .params(utc(at), reportId).update() == 1;
    }

    // --- trail and values ------------------------------------------------------------------------------------------

    /** Appends an entry numbered after the report's latest; returns it. Call with the report row locked. */
    public Entry append(String reportId, EntryKind kind, String actor, Instant at, String reason, Integer refersTo,
                        Map<String, Value> values) {
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM ind_report_version WHERE report_id = ?")
                .param(reportId).query(Integer.class).single();
        jdbc.sql("""
                        INSERT INTO ind_report_version (report_id, version, kind, actor, recorded_at, reason, refers_to)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(reportId, version, kind.name(), actor, utc(at), reason, refersTo).update();
        long id = jdbc.sql("SELECT id FROM ind_report_version WHERE report_id = ? AND version = ?")
                .params(reportId, version).query(Long.class).single();
        for (Value v : values.values()) {
            jdbc.sql("INSERT INTO ind_report_value (version_id, indicator_code, amount, note) VALUES (?, ?, ?, ?)")
                    .params(id, v.indicatorCode(), v.value(), v.note()).update();
        }
        return new Entry(id, reportId, version, kind, actor, at, reason, refersTo);
    }

    public List<Entry> trail(String reportId) {
        return jdbc.sql("SELECT * FROM ind_report_version WHERE report_id = ? ORDER BY version").param(reportId)
                .query(ReportingRepository::entry).list();
    }

    public Map<String, Value> values(long entryId) {
        Map<String, Value> values = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM ind_report_value WHERE version_id = ? ORDER BY indicator_code").param(entryId)
                .query((rs, n) -> new Value(rs.getString("indicator_code"), rs.getBigDecimal("amount"),
                        rs.getString("note")))
                .list().forEach(v -> values.put(v.indicatorCode(), v));
        return values;
    }

    // --- schedule and runs -----------------------------------------------------------------------------------------

    public List<Schedule> schedules() {
        return jdbc.sql("SELECT * FROM ind_schedule ORDER BY frequency").query(ReportingRepository::schedule).list();
    }

    public Optional<Schedule> schedule(String frequency) {
        return jdbc.sql("SELECT * FROM ind_schedule WHERE frequency = ?").param(frequency)
                .query(ReportingRepository::schedule).optional();
    }

    public void saveSchedule(Schedule s) {
        jdbc.sql("""
                        UPDATE ind_schedule SET open_cron = ?, due_working_days = ?, enabled = ?, updated_by = ?,
                               updated_at = ? WHERE frequency = ?""")
                .params(s.openCron(), s.dueWorkingDays(), s.enabled(), s.updatedBy(), utc(s.updatedAt()),
                        s.frequency()).update();
    }

    public void logRun(String fireId, String frequency, String period, String node, String outcome, Instant at) {
        jdbc.sql("""
                        INSERT INTO ind_campaign_run (fire_id, frequency, period, node, outcome, ran_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(fireId, frequency, period, node, outcome, utc(at)).update();
    }

    public List<Run> runs(String period) {
        return jdbc.sql("SELECT * FROM ind_campaign_run WHERE period = ? ORDER BY id").param(period)
                .query((rs, n) -> new Run(rs.getLong("id"), rs.getString("fire_id"), rs.getString("frequency"),
                        rs.getString("period"), rs.getString("node"), rs.getString("outcome"),
                        instant(rs, "ran_at"))).list();
    }

    // --- mapping ---------------------------------------------------------------------------------------------------

    private static Campaign campaign(ResultSet rs, int n) throws SQLException {
        return new Campaign(rs.getString("id"), rs.getString("period"), rs.getString("frequency"),
                instant(rs, "due_at"), instant(rs, "opened_at"), rs.getString("opened_by"), instant(rs, "closed_at"),
                rs.getString("process_instance_id"));
    }

    private static Report report(ResultSet rs, int n) throws SQLException {
        return new Report(rs.getString("id"), rs.getString("campaign_id"), rs.getString("unit_code"),
                rs.getString("period"), ReportStatus.valueOf(rs.getString("status")), instant(rs, "due_at"),
                instant(rs, "submitted_at"), instant(rs, "approved_at"), instant(rs, "overdue_at"),
                rs.getInt("version"), rs.getString("process_instance_id"));
    }

    private static Entry entry(ResultSet rs, int n) throws SQLException {
        int number = rs.getInt("refers_to");
        Integer refersTo = rs.wasNull() ? null : number;
        return new Entry(rs.getLong("id"), rs.getString("report_id"), rs.getInt("version"),
                EntryKind.valueOf(rs.getString("kind")), rs.getString("actor"), instant(rs, "recorded_at"),
                rs.getString("reason"), refersTo);
    }

    private static Schedule schedule(ResultSet rs, int n) throws SQLException {
        return new Schedule(rs.getString("frequency"), rs.getString("open_cron"), rs.getInt("due_working_days"),
                rs.getBoolean("enabled"), rs.getString("updated_by"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
