package vn.dieuhanh.assignment.internal;

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
import vn.dieuhanh.assignment.AssignmentRole;
import vn.dieuhanh.assignment.OverdueAssignment;
import vn.dieuhanh.assignment.StatusBucket;
import vn.dieuhanh.assignment.TrailEventKind;
import vn.dieuhanh.assignment.Urgency;
import vn.dieuhanh.assignment.WorkSource;
import vn.dieuhanh.assignment.internal.StatusBuckets.Sql;

/** {@code asg_assignment} and {@code asg_trail_event}. */
@Repository
class AssignmentRepository {

    private static final String COLUMNS = """
            id, directive_id, lead_assignment_id, role, source, urgency, unit_code, title, description, assigned_by,
            reviewer, holder_group, holder_user, deadline, created_at, result_summary, completed_at, cancelled_at,
            process_instance_id, due_soon_working_days, due_soon_from""";

    private final JdbcClient jdbc;
    private final ClosedTally tally;

    AssignmentRepository(JdbcClient jdbc, ClosedTally tally) {
        this.jdbc = jdbc;
        this.tally = tally;
    }

    void insert(AssignmentRecord a) {
        jdbc.sql("INSERT INTO asg_assignment (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?)")
                .params(a.id(), a.directiveId(), a.leadAssignmentId(), a.role().name(), a.source().name(),
                        a.urgency().name(), a.unitCode(), a.title(), a.description(), a.assignedBy(), a.reviewer(),
                        a.holderGroup(), a.holderUser(), a.deadline(), a.createdAt(), a.resultSummary(),
                        a.completedAt(), a.cancelledAt(), a.processInstanceId(), a.dueSoonWorkingDays(),
                        a.dueSoonFrom())
                .update();
        if (a.completedAt() != null || a.cancelledAt() != null) {
            // a row written closed (imports, tests) is tallied like one closed later: every closed row is counted once
            ClosedTally.Entry entry = closedEntry(a.id());
            if (entry != null) {
                tally.add(entry, 1);
            }
        }
    }

    Optional<AssignmentRecord> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM asg_assignment WHERE id = ?").param(id)
                .query(AssignmentRepository::record).optional();
    }

    AssignmentRecord get(String id) {
        return find(id).orElseThrow(() -> new IllegalStateException("No assignment " + id));
    }

    List<AssignmentRecord> byDirective(String directiveId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM asg_assignment WHERE directive_id = ? ORDER BY created_at, id")
                .param(directiveId).query(AssignmentRepository::record).list();
    }

    List<OverdueAssignment> openOverdueAt(Instant at) {
        return jdbc.sql("""
                        SELECT id, unit_code, holder_user, deadline FROM asg_assignment
                         WHERE created_at < ? AND deadline < ?
                           AND (completed_at IS NULL OR completed_at > ?)
                           AND (cancelled_at IS NULL OR cancelled_at > ?)
                         ORDER BY id""")
                .params(utc(at), utc(at), utc(at), utc(at))
                .query((rs, n) -> new OverdueAssignment(rs.getString("id"), rs.getString("unit_code"),
                        rs.getString("holder_user"), time(rs, "deadline").toInstant()))
                .list();
    }

    /** An open overdue row the daily overdue digest lists. */
    record DigestRow(String id, String title, String unitCode, String holderUser, Instant deadline) {
    }

    /**
     * The daily overdue digest's one statement: open (not completed, not cancelled) work past its deadline whose
     * policy asks for daily reminders while overdue (daily_overdue_reminders, stored when the lifecycle opened).
     */
    List<DigestRow> openOverdueWithDailyReminders(Instant now) {
        return jdbc.sql("""
                        SELECT id, title, unit_code, holder_user, deadline FROM asg_assignment
                         WHERE completed_at IS NULL AND cancelled_at IS NULL AND deadline < ?
                           AND daily_overdue_reminders = TRUE
                         ORDER BY unit_code, deadline, id""")
                .param(utc(now))
                .query((rs, n) -> new DigestRow(rs.getString("id"), rs.getString("title"), rs.getString("unit_code"),
                        rs.getString("holder_user"), time(rs, "deadline").toInstant()))
                .list();
    }

    List<AssignmentRecord> contributionsTo(String leadAssignmentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM asg_assignment WHERE lead_assignment_id = ? ORDER BY id")
                .param(leadAssignmentId).query(AssignmentRepository::record).list();
    }

    void updateHolder(String id, String holderGroup, String holderUser) {
        retallied(id, false, () -> jdbc.sql("UPDATE asg_assignment SET holder_group = ?, holder_user = ? WHERE id = ?")
                .params(holderGroup, holderUser, id).update());
    }

    /** A new deadline moves the due-soon window with it. */
    void updateDeadline(String id, OffsetDateTime deadline, OffsetDateTime dueSoonFrom) {
        retallied(id, false, () -> jdbc.sql("UPDATE asg_assignment SET deadline = ?, due_soon_from = ? WHERE id = ?")
                .params(deadline, dueSoonFrom, id).update());
    }

    /**
     * Runs an update of the row's key (holder), deadline or closing instants and keeps {@link ClosedTally} in step:
     * the row's closed entry before and after are compared, the old one taken out, the new one added. An update that
     * cannot close a row ({@code mayClose} false) of a row that is open changes no entry.
     */
    private void retallied(String id, boolean mayClose, Runnable update) {
        ClosedTally.Entry before = closedEntry(id);
        update.run();
        if (before == null && !mayClose) {
            return;
        }
        ClosedTally.Entry after = closedEntry(id);
        if (java.util.Objects.equals(before, after)) {
            return;
        }
        if (before != null) {
            tally.add(before, -1);
        }
        if (after != null) {
            tally.add(after, 1);
        }
    }

    private ClosedTally.Entry closedEntry(String id) {
        return jdbc.sql("SELECT unit_code, holder_user, source, assigned_by, deadline, completed_at, cancelled_at"
                        + " FROM asg_assignment WHERE id = ?").param(id)
                .query((rs, n) -> Optional.ofNullable(ClosedTally.Entry.of(rs.getString("unit_code"),
                        rs.getString("holder_user"), rs.getString("source"), rs.getString("assigned_by"),
                        time(rs, "deadline"), time(rs, "completed_at"), time(rs, "cancelled_at"))))
                .optional().flatMap(e -> e).orElse(null);
    }

    void updatePolicy(String id, int workingDays, OffsetDateTime dueSoonFrom, boolean dailyOverdueReminders) {
        jdbc.sql("UPDATE asg_assignment SET due_soon_working_days = ?, due_soon_from = ?, daily_overdue_reminders = ?"
                        + " WHERE id = ?")
                .params(workingDays, dueSoonFrom, dailyOverdueReminders, id).update();
    }

    /** Rows written before the due-soon window was stored (migration V13): id, deadline, lifecycle instance. */
    record WithoutWindow(String id, OffsetDateTime deadline, String processInstanceId) {
    }

    List<WithoutWindow> withoutDueSoonWindow(int limit) {
        return jdbc.sql("SELECT id, deadline, process_instance_id FROM asg_assignment WHERE due_soon_from IS NULL"
                        + " ORDER BY id FETCH FIRST " + limit + " ROWS ONLY")
                .query((rs, n) -> new WithoutWindow(rs.getString("id"), time(rs, "deadline"),
                        rs.getString("process_instance_id")))
                .list();
    }

    /** Fills the window of a row that has none (idempotent: another node may have filled it meanwhile). */
    void fillDueSoonWindow(String id, int workingDays, OffsetDateTime dueSoonFrom) {
        jdbc.sql("UPDATE asg_assignment SET due_soon_working_days = ?, due_soon_from = ?"
                        + " WHERE id = ? AND due_soon_from IS NULL")
                .params(workingDays, dueSoonFrom, id).update();
    }

    void updateResult(String id, String resultSummary) {
        jdbc.sql("UPDATE asg_assignment SET result_summary = ? WHERE id = ?").params(resultSummary, id).update();
    }

    void markCompleted(String id, OffsetDateTime at) {
        retallied(id, true, () -> jdbc.sql("UPDATE asg_assignment SET completed_at = ? WHERE id = ?"
                + " AND completed_at IS NULL").params(at, id).update());
    }

    void markCancelled(String id, OffsetDateTime at) {
        retallied(id, true, () -> jdbc.sql("UPDATE asg_assignment SET cancelled_at = ? WHERE id = ?"
                + " AND cancelled_at IS NULL").params(at, id).update());
    }

    /** Binds the assignment to the lifecycle instance that carries it out, once: false if it is bound already. */
    boolean attachProcessInstance(String id, String processInstanceId) {
        return jdbc.sql("UPDATE asg_assignment SET process_instance_id = ? WHERE id = ? AND process_instance_id IS NULL")
                .params(processInstanceId, id).update() == 1;
    }

    Optional<AssignmentRecord> findByProcessInstance(String processInstanceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM asg_assignment WHERE process_instance_id = ?")
                .param(processInstanceId).query(AssignmentRepository::record).optional();
    }

    /** The latest step of this kind (e.g. the report now under review: who reported, to whom). */
    Optional<TrailEvent> lastEvent(String assignmentId, TrailEventKind kind) {
        List<TrailEvent> trail = trail(assignmentId);
        for (int i = trail.size() - 1; i >= 0; i--) {
            if (trail.get(i).kind() == kind) {
                return Optional.of(trail.get(i));
            }
        }
        return Optional.empty();
    }

    void appendTrail(String assignmentId, TrailEventKind kind, String actor, String target, String note,
                     OffsetDateTime deadlineBefore, OffsetDateTime deadlineAfter, OffsetDateTime at) {
        jdbc.sql("""
                        INSERT INTO asg_trail_event (assignment_id, kind, actor, target, note, deadline_before,
                                                     deadline_after, occurred_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(assignmentId, kind.name(), actor, target, note, deadlineBefore, deadlineAfter, at)
                .update();
    }

    List<TrailEvent> trail(String assignmentId) {
        return jdbc.sql("""
                        SELECT id, assignment_id, kind, actor, target, note, deadline_before, deadline_after,
                               occurred_at
                          FROM asg_trail_event WHERE assignment_id = ? ORDER BY id""")
                .param(assignmentId)
                .query((rs, n) -> new TrailEvent(rs.getLong("id"), rs.getString("assignment_id"),
                        TrailEventKind.valueOf(rs.getString("kind")), rs.getString("actor"), rs.getString("target"),
                        rs.getString("note"), time(rs, "deadline_before"), time(rs, "deadline_after"),
                        time(rs, "occurred_at")))
                .list();
    }

    List<AssignmentRecord> list(AssignmentQuery query, Instant now, int limit) {
        Sql sql = listSql(query, now, limit);
        return jdbc.sql(sql.text()).params(sql.params()).query(AssignmentRepository::record).list();
    }

    /** The list's statement (also EXPLAINed by the performance test). */
    static Sql listSql(AssignmentQuery query, Instant now, int limit) {
        Sql from = from(query.visibility());
        Sql where = where(query, now);
        List<Object> params = new ArrayList<>(from.params());
        params.addAll(where.params());
        return new Sql("SELECT " + COLUMNS + " FROM " + from.text() + " WHERE " + where.text()
                + " ORDER BY deadline, id FETCH FIRST " + limit + " ROWS ONLY", params);
    }

    /** Bucket counts per group key ({@code unit_code}, {@code holder_user}, {@code source} or {@code assigned_by}). */
    Map<String, Map<StatusBucket, Long>> summary(AssignmentQuery query, String groupColumn, Instant now) {
        Sql sql = summarySql(query, groupColumn, now);
        Map<String, Map<StatusBucket, Long>> result = new LinkedHashMap<>();
        jdbc.sql(sql.text()).params(sql.params()).query(rs -> {
            Map<StatusBucket, Long> counts = new LinkedHashMap<>();
            for (StatusBucket bucket : StatusBucket.values()) {
                counts.put(bucket, rs.getLong(StatusBuckets.column(bucket)));
            }
            result.put(rs.getString("grp") == null ? "" : rs.getString("grp"), counts);
        });
        return result;
    }

    /**
     * The summary's statement: the buckets' CASEs come from the same definition as the list's WHERE. For those who
     * see everything, filtered by nothing but unit, source or assigner, closed work is read from
     * {@link ClosedTally} (one row per key) and only the open rows from {@code asg_assignment}
     * ({@code asg_assignment_open_idx}); otherwise the visibility set (a few hundred rows) is grouped as it is.
     */
    static Sql summarySql(AssignmentQuery query, String groupColumn, Instant now) {
        if (query.visibility().seesEverything() && query.holderUser() == null && query.directiveId() == null) {
            return tallySummarySql(query, groupColumn, now);
        }
        return scanSummarySql(query, groupColumn, now);
    }

    /** Groups every visible row, closed ones included (the visibility UNION, or a filter by official or directive). */
    static Sql scanSummarySql(AssignmentQuery query, String groupColumn, Instant now) {
        Sql counts = StatusBuckets.counts(now);
        Sql from = from(query.visibility());
        Sql where = where(query.withBucket(null), now);
        List<Object> params = new ArrayList<>(counts.params());
        params.addAll(from.params());
        params.addAll(where.params());
        return new Sql("SELECT " + groupColumn + " AS grp, " + counts.text() + " FROM " + from.text() + " WHERE "
                + where.text() + " GROUP BY " + groupColumn + " ORDER BY " + groupColumn, params);
    }

    /** Closed work from the tally, open work counted from the open rows: one grouped statement, the same result. */
    static Sql tallySummarySql(AssignmentQuery query, String groupColumn, Instant now) {
        StringBuilder filter = new StringBuilder();
        List<Object> filterParams = new ArrayList<>();
        if (query.unitCode() != null) {
            filter.append(" AND unit_code = ?");
            filterParams.add(query.unitCode());
        }
        if (query.source() != null) {
            filter.append(" AND source = ?");
            filterParams.add(query.source().name());
        }
        if (query.assignedBy() != null) {
            filter.append(" AND assigned_by = ?");
            filterParams.add(query.assignedBy());
        }
        List<Object> params = new ArrayList<>(filterParams);
        StringBuilder open = new StringBuilder();
        for (StatusBucket bucket : List.of(StatusBucket.OPEN_WITHIN_DEADLINE, StatusBucket.OPEN_OVERDUE,
                StatusBucket.DUE_SOON)) {
            Sql condition = StatusBuckets.condition(bucket, now);
            open.append(", CASE WHEN ").append(condition.text()).append(" THEN 1 ELSE 0 END AS ")
                    .append(StatusBuckets.column(bucket));
            params.addAll(condition.params());
        }
        params.addAll(filterParams);
        String onTime = StatusBuckets.column(StatusBucket.COMPLETED_ON_TIME);
        String late = StatusBuckets.column(StatusBucket.COMPLETED_LATE);
        StringBuilder sums = new StringBuilder();
        for (StatusBucket bucket : StatusBucket.values()) {
            sums.append(", SUM(").append(StatusBuckets.column(bucket)).append(") AS ")
                    .append(StatusBuckets.column(bucket));
        }
        String text = "SELECT grp" + sums + " FROM ("
                + "SELECT NULLIF(" + groupColumn + ", '') AS grp, on_time AS " + onTime + ", late AS " + late
                + ", 0 AS " + StatusBuckets.column(StatusBucket.OPEN_WITHIN_DEADLINE)
                + ", 0 AS " + StatusBuckets.column(StatusBucket.OPEN_OVERDUE)
                + ", 0 AS " + StatusBuckets.column(StatusBucket.DUE_SOON)
                + " FROM asg_closed_tally WHERE on_time + late + cancelled > 0" + filter
                + " UNION ALL SELECT " + groupColumn + " AS grp, 0, 0" + open
                + " FROM asg_assignment WHERE completed_at IS NULL AND cancelled_at IS NULL" + filter
                + ") counted GROUP BY grp ORDER BY grp";
        return new Sql(text, params);
    }

    private static Sql where(AssignmentQuery query, Instant now) {
        StringBuilder text = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (query.unitCode() != null) {
            text.append(" AND unit_code = ?");
            params.add(query.unitCode());
        }
        if (query.holderUser() != null) {
            // held by the official now, or delegated to them on the way: two indexed lookups
            text.append(" AND id IN (SELECT id FROM asg_assignment WHERE holder_user = ?"
                    + " UNION SELECT assignment_id FROM asg_trail_event WHERE target = ?)");
            params.add(query.holderUser());
            params.add(query.holderUser());
        }
        if (query.source() != null) {
            text.append(" AND source = ?");
            params.add(query.source().name());
        }
        if (query.assignedBy() != null) {
            text.append(" AND assigned_by = ?");
            params.add(query.assignedBy());
        }
        if (query.directiveId() != null) {
            text.append(" AND directive_id = ?");
            params.add(query.directiveId());
        }
        if (query.bucket() != null) {
            Sql condition = StatusBuckets.condition(query.bucket(), now);
            text.append(" AND ").append(condition.text());
            params.addAll(condition.params());
        }
        return new Sql(text.toString(), params);
    }

    /**
     * The rows the caller may see, named {@code asg_assignment} so that the filters read the same either way: the whole
     * table for those who see everything, else {@link #visibleRows}.
     */
    private static Sql from(AssignmentVisibility visibility) {
        if (visibility.seesEverything()) {
            return new Sql("asg_assignment", List.of());
        }
        Sql visible = visibleRows(visibility);
        return new Sql("(" + visible.text() + ") asg_assignment", visible.params());
    }

    /**
     * The rows an official may see ({@link AssignmentVisibility}'s rules) as a UNION of lookups that each have an index:
     * assigned by them, for their review, held by them, delegated to them on the way (trail target), assigned to a
     * group of theirs, or coordinating for an assignment of a group of theirs. The UNION drives the query, so the
     * planner starts from the official's few hundred rows; an OR-chain with subqueries over the same rules (as
     * before V13), or {@code id IN (the ids of this UNION)}, is answered with a sequential scan of the table
     * (docs/performance.md).
     */
    static Sql visibleRows(AssignmentVisibility v) {
        String columns = COLUMNS.replace("\n", " ");
        String prefixed = "a." + String.join(", a.", columns.split(",\\s*"));
        StringBuilder text = new StringBuilder()
                .append("SELECT ").append(columns).append(" FROM asg_assignment WHERE assigned_by = ?")
                .append(" UNION SELECT ").append(columns).append(" FROM asg_assignment WHERE reviewer = ?")
                .append(" UNION SELECT ").append(columns).append(" FROM asg_assignment WHERE holder_user = ?")
                .append(" UNION SELECT ").append(prefixed).append(" FROM asg_assignment a")
                .append(" JOIN asg_trail_event t ON t.assignment_id = a.id WHERE t.target = ?");
        List<Object> params = new ArrayList<>(List.of(v.userId(), v.userId(), v.userId(), v.userId()));
        if (!v.groupIds().isEmpty()) {
            String in = String.join(", ", v.groupIds().stream().map(g -> "?").toList());
            text.append(" UNION SELECT ").append(columns).append(" FROM asg_assignment WHERE unit_code IN (")
                    .append(in).append(")")
                    .append(" UNION SELECT ").append(prefixed).append(" FROM asg_assignment a JOIN asg_assignment l")
                    .append(" ON a.lead_assignment_id = l.id WHERE l.unit_code IN (").append(in).append(")");
            params.addAll(v.groupIds());
            params.addAll(v.groupIds());
        }
        return new Sql(text.toString(), params);
    }

    private static AssignmentRecord record(ResultSet rs, int rowNum) throws SQLException {
        return new AssignmentRecord(rs.getString("id"), rs.getString("directive_id"),
                rs.getString("lead_assignment_id"), AssignmentRole.valueOf(rs.getString("role")),
                WorkSource.valueOf(rs.getString("source")), Urgency.valueOf(rs.getString("urgency")),
                rs.getString("unit_code"), rs.getString("title"), rs.getString("description"),
                rs.getString("assigned_by"), rs.getString("reviewer"), rs.getString("holder_group"),
                rs.getString("holder_user"), time(rs, "deadline"), time(rs, "created_at"),
                rs.getString("result_summary"), time(rs, "completed_at"), time(rs, "cancelled_at"),
                rs.getString("process_instance_id"), (Integer) rs.getObject("due_soon_working_days", Integer.class),
                time(rs, "due_soon_from"));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
