package vn.dieuhanh.assignment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.dieuhanh.assignment.AssignmentLists;
import vn.dieuhanh.assignment.AssignmentRole;
import vn.dieuhanh.assignment.StatusBucket;
import vn.dieuhanh.assignment.Urgency;
import vn.dieuhanh.assignment.WorkSource;

/** {@link AssignmentLists}: indexed lookups of {@code asg_assignment} with the directive's document number. */
@Service
class AssignmentListService implements AssignmentLists {

    /** Process instances per query (bounded IN lists). */
    static final int PER_QUERY = 500;
    static final int MAX_ROWS = 500;

    private static final String SELECT = """
            SELECT a.id, a.directive_id, a.lead_assignment_id, a.role, a.source, a.urgency, a.unit_code, a.title,
                   a.assigned_by, a.reviewer, a.holder_group, a.holder_user, a.deadline, a.created_at, a.completed_at,
                   a.cancelled_at, a.process_instance_id, a.due_soon_working_days, a.due_soon_from, d.document_number
            FROM asg_assignment a LEFT JOIN asg_directive d ON d.id = a.directive_id""";

    private final JdbcClient jdbc;
    private final StatusBuckets buckets;

    private final AssignmentReadModel readModel;

    AssignmentListService(JdbcClient jdbc, StatusBuckets buckets, AssignmentReadModel readModel) {
        this.readModel = readModel;
        this.jdbc = jdbc;
        this.buckets = buckets;
    }

    @Override
    public List<Row> byProcessInstances(Collection<String> processInstanceIds) {
        List<String> ids = processInstanceIds.stream().distinct().toList();
        Instant now = buckets.now();
        List<Row> rows = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += PER_QUERY) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + PER_QUERY));
            String marks = String.join(", ", part.stream().map(id -> "?").toList());
            rows.addAll(jdbc.sql(SELECT + " WHERE a.process_instance_id IN (" + marks + ")").params(part)
                    .query((rs, n) -> row(rs, now)).list());
        }
        return rows;
    }

    @Override
    public List<Row> assignedBy(String userId, int limit) {
        Instant now = buckets.now();
        int bounded = Math.max(1, Math.min(limit, MAX_ROWS));
        List<Row> open = jdbc.sql(SELECT + " WHERE a.assigned_by = ? AND a.completed_at IS NULL AND a.cancelled_at IS NULL"
                        + " ORDER BY a.deadline, a.id FETCH FIRST " + bounded + " ROWS ONLY")
                .param(userId).query((rs, n) -> row(rs, now)).list();
        List<Row> rows = new ArrayList<>(open);
        if (rows.size() < bounded) {
            rows.addAll(jdbc.sql(SELECT + " WHERE a.assigned_by = ? AND (a.completed_at IS NOT NULL"
                            + " OR a.cancelled_at IS NOT NULL) ORDER BY a.created_at DESC, a.id FETCH FIRST "
                            + (bounded - rows.size()) + " ROWS ONLY")
                    .param(userId).query((rs, n) -> row(rs, now)).list());
        }
        rows.sort(Comparator.comparing((Row r) -> !r.open()));
        return rows;
    }

    private Row row(ResultSet rs, Instant now) throws SQLException {
        AssignmentRecord a = new AssignmentRecord(rs.getString("id"), rs.getString("directive_id"),
                rs.getString("lead_assignment_id"), AssignmentRole.valueOf(rs.getString("role")),
                WorkSource.valueOf(rs.getString("source")), Urgency.valueOf(rs.getString("urgency")),
                rs.getString("unit_code"), rs.getString("title"), null, rs.getString("assigned_by"),
                rs.getString("reviewer"), rs.getString("holder_group"), rs.getString("holder_user"),
                time(rs, "deadline"), time(rs, "created_at"), null, time(rs, "completed_at"),
                time(rs, "cancelled_at"), rs.getString("process_instance_id"),
                (Integer) rs.getObject("due_soon_working_days", Integer.class), time(rs, "due_soon_from"));
        StatusBucket bucket = buckets.bucketOf(a, now);
        if (bucket == StatusBucket.OPEN_WITHIN_DEADLINE && buckets.dueSoon(a, now)) {
            bucket = StatusBucket.DUE_SOON;
        }
        return new Row(a.id(), a.title(), a.role(), a.source(), a.urgency(), rs.getString("document_number"),
                a.unitCode(), a.holderUser(), a.assignedBy(), a.processInstanceId(), a.deadline(), a.completedAt(),
                bucket);
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
    }

    @Override
    public boolean visibleToCaller(String assignmentId) {
        return assignmentId != null && readModel.visible(assignmentId).isPresent();
    }
}
