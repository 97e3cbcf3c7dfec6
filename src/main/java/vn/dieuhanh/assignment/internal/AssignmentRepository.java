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

/** {@code asg_assignment} and {@code asg_trail_event}. */
@Repository
class AssignmentRepository {

    private static final String COLUMNS = """
            id, directive_id, lead_assignment_id, role, source, urgency, unit_code, title, description, assigned_by,
            reviewer, holder_group, holder_user, deadline, created_at, result_summary, completed_at, cancelled_at,
            process_instance_id""";

    private final JdbcClient jdbc;

    AssignmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AssignmentRecord a) {
        jdbc.sql("INSERT INTO asg_assignment (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?)")
                .params(a.id(), a.directiveId(), a.leadAssignmentId(), a.role().name(), a.source().name(),
                        a.urgency().name(), a.unitCode(), a.title(), a.description(), a.assignedBy(), a.reviewer(),
                        a.holderGroup(), a.holderUser(), a.deadline(), a.createdAt(), a.resultSummary(),
                        a.completedAt(), a.cancelledAt(), a.processInstanceId())
                .update();
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

    List<AssignmentRecord> contributionsTo(String leadAssignmentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM asg_assignment WHERE lead_assignment_id = ? ORDER BY id")
                .param(leadAssignmentId).query(AssignmentRepository::record).list();
    }

    void updateHolder(String id, String holderGroup, String holderUser) {
        jdbc.sql("UPDATE asg_assignment SET holder_group = ?, holder_user = ? WHERE id = ?")
                .params(holderGroup, holderUser, id).update();
    }

    void updateDeadline(String id, OffsetDateTime deadline) {
        jdbc.sql("UPDATE asg_assignment SET deadline = ? WHERE id = ?").params(deadline, id).update();
    }

    void updateResult(String id, String resultSummary) {
        jdbc.sql("UPDATE asg_assignment SET result_summary = ? WHERE id = ?").params(resultSummary, id).update();
    }

    void markCompleted(String id, OffsetDateTime at) {
        jdbc.sql("UPDATE asg_assignment SET completed_at = ? WHERE id = ? AND completed_at IS NULL")
                .params(at, id).update();
    }

    void markCancelled(String id, OffsetDateTime at) {
        jdbc.sql("UPDATE asg_assignment SET cancelled_at = ? WHERE id = ? AND cancelled_at IS NULL")
                .params(at, id).update();
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

    List<AssignmentRecord> list(AssignmentQuery query, Instant now, Instant dueSoonLimit, int limit) {
        Sql sql = where(query, now, dueSoonLimit);
        return jdbc.sql("SELECT " + COLUMNS + " FROM asg_assignment WHERE " + sql.text
                        + " ORDER BY deadline, id FETCH FIRST " + limit + " ROWS ONLY")
                .params(sql.params).query(AssignmentRepository::record).list();
    }

    /** Bucket counts per group key ({@code unit_code}, {@code holder_user}, {@code source} or {@code assigned_by}). */
    Map<String, Map<StatusBucket, Long>> summary(AssignmentQuery query, String groupColumn, Instant now,
                                               Instant dueSoonLimit) {
        Sql sql = where(query.withBucket(null), now, dueSoonLimit);
        String open = "completed_at IS NULL AND cancelled_at IS NULL";
        String select = "SELECT " + groupColumn + " AS grp,"
                + " SUM(CASE WHEN completed_at IS NOT NULL AND cancelled_at IS NULL AND completed_at <= deadline"
                + " THEN 1 ELSE 0 END) AS on_time,"
                + " SUM(CASE WHEN completed_at IS NOT NULL AND cancelled_at IS NULL AND completed_at > deadline"
                + " THEN 1 ELSE 0 END) AS late,"
                + " SUM(CASE WHEN " + open + " AND deadline >= ? THEN 1 ELSE 0 END) AS within,"
                + " SUM(CASE WHEN " + open + " AND deadline < ? THEN 1 ELSE 0 END) AS overdue,"
                + " SUM(CASE WHEN " + open + " AND deadline >= ? AND deadline <= ? THEN 1 ELSE 0 END) AS soon"
                + " FROM asg_assignment WHERE " + sql.text + " GROUP BY " + groupColumn + " ORDER BY " + groupColumn;
        List<Object> params = new ArrayList<>(List.of(utc(now), utc(now), utc(now), utc(dueSoonLimit)));
        params.addAll(sql.params);
        Map<String, Map<StatusBucket, Long>> result = new LinkedHashMap<>();
        jdbc.sql(select).params(params).query(rs -> {
            Map<StatusBucket, Long> counts = new LinkedHashMap<>();
            counts.put(StatusBucket.COMPLETED_ON_TIME, rs.getLong("on_time"));
            counts.put(StatusBucket.COMPLETED_LATE, rs.getLong("late"));
            counts.put(StatusBucket.OPEN_WITHIN_DEADLINE, rs.getLong("within"));
            counts.put(StatusBucket.OPEN_OVERDUE, rs.getLong("overdue"));
            counts.put(StatusBucket.DUE_SOON, rs.getLong("soon"));
            result.put(rs.getString("grp") == null ? "" : rs.getString("grp"), counts);
        });
        return result;
    }

    private record Sql(String text, List<Object> params) {
    }

    private static Sql where(AssignmentQuery query, Instant now, Instant dueSoonLimit) {
        StringBuilder text = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (query.unitCode() != null) {
            text.append(" AND unit_code = ?");
            params.add(query.unitCode());
        }
        if (query.holderUser() != null) {
            text.append(" AND (holder_user = ? OR id IN (SELECT assignment_id FROM asg_trail_event WHERE target = ?))");
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
            String open = " AND completed_at IS NULL AND cancelled_at IS NULL";
            switch (query.bucket()) {
                case COMPLETED_ON_TIME -> text.append(" AND completed_at IS NOT NULL AND cancelled_at IS NULL"
                        + " AND completed_at <= deadline");
                case COMPLETED_LATE -> text.append(" AND completed_at IS NOT NULL AND cancelled_at IS NULL"
                        + " AND completed_at > deadline");
                case OPEN_WITHIN_DEADLINE -> {
                    text.append(open).append(" AND deadline >= ?");
                    params.add(utc(now));
                }
                case OPEN_OVERDUE -> {
                    text.append(open).append(" AND deadline < ?");
                    params.add(utc(now));
                }
                case DUE_SOON -> {
                    text.append(open).append(" AND deadline >= ? AND deadline <= ?");
                    params.add(utc(now));
                    params.add(utc(dueSoonLimit));
                }
            }
        }
        if (!query.visibility().seesEverything()) {
            AssignmentVisibility v = query.visibility();
            text.append(" AND (assigned_by = ? OR reviewer = ? OR holder_user = ?"
                    + " OR id IN (SELECT assignment_id FROM asg_trail_event WHERE target = ?)");
            params.addAll(List.of(v.userId(), v.userId(), v.userId(), v.userId()));
            if (!v.groupIds().isEmpty()) {
                String in = String.join(", ", v.groupIds().stream().map(g -> "?").toList());
                text.append(" OR unit_code IN (").append(in).append(")")
                        .append(" OR lead_assignment_id IN (SELECT id FROM asg_assignment WHERE unit_code IN (")
                        .append(in).append("))");
                params.addAll(v.groupIds());
                params.addAll(v.groupIds());
            }
            text.append(")");
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
                rs.getString("process_instance_id"));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
