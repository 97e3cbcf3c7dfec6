package vn.dieuhanh.workspace.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * New engine user tasks and who they are for, for live updates: one indexed range query on the task table's creation
 * time (index from migration V15) per node and tick, whatever the number of connected officials; likewise tasks ended
 * (history end time), and new trail entries and conversation messages of assignments (primary key ranges), which
 * tell open item pages that their assignment changed.
 */
@Repository
class LiveEventsRepository {

    /** One candidate (or the assignee) of a task created recently. */
    record NewTask(String taskId, String assignee, String candidateUser, String candidateGroup, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    LiveEventsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<NewTask> tasksCreatedAfter(Instant after, int limit) {
        return jdbc.sql("SELECT t.ID_ AS task_id, t.ASSIGNEE_ AS assignee, l.USER_ID_ AS candidate_user,"
                        + " l.GROUP_ID_ AS candidate_group, t.CREATE_TIME_ AS created_at"
                        + " FROM ACT_RU_TASK t LEFT JOIN ACT_RU_IDENTITYLINK l ON l.TASK_ID_ = t.ID_ AND l.TYPE_ = 'candidate'"
                        + " WHERE t.CREATE_TIME_ > ? ORDER BY t.CREATE_TIME_ FETCH FIRST " + limit + " ROWS ONLY")
                .param(Timestamp.from(after))
                .query((rs, n) -> new NewTask(rs.getString("task_id"), rs.getString("assignee"),
                        rs.getString("candidate_user"), rs.getString("candidate_group"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** One user task that ended (completed or deleted), with one of its candidates. */
    record EndedTask(String taskId, String assignee, String candidateUser, String candidateGroup, Instant endedAt) {
    }

    /** A new row (trail entry or conversation message) of an assignment. */
    record Change(long id, String assignmentId, String actor) {
    }

    /** User tasks ended after an instant: the history's end time (index ACT_IDX_HI_TASK_INST_END), oldest first. */
    List<EndedTask> tasksEndedAfter(Instant after, int limit) {
        return jdbc.sql("SELECT t.ID_ AS task_id, t.ASSIGNEE_ AS assignee, l.USER_ID_ AS candidate_user,"
                        + " l.GROUP_ID_ AS candidate_group, t.END_TIME_ AS ended_at"
                        + " FROM ACT_HI_TASKINST t LEFT JOIN ACT_HI_IDENTITYLINK l ON l.TASK_ID_ = t.ID_"
                        + " AND l.TYPE_ = 'candidate'"
                        + " WHERE t.END_TIME_ > ? ORDER BY t.END_TIME_ FETCH FIRST " + limit + " ROWS ONLY")
                .param(Timestamp.from(after))
                .query((rs, n) -> new EndedTask(rs.getString("task_id"), rs.getString("assignee"),
                        rs.getString("candidate_user"), rs.getString("candidate_group"),
                        rs.getTimestamp("ended_at").toInstant()))
                .list();
    }

    /** Trail entries of assignments above an id (primary key range), oldest first. */
    List<Change> trailAfter(long afterId, int limit) {
        return changes("asg_trail_event", "actor", afterId, limit);
    }

    /** Messages of assignment conversations above an id (primary key range), oldest first. */
    List<Change> messagesAfter(long afterId, int limit) {
        return changes("ntf_message", "author", afterId, limit);
    }

    long latestTrailId() {
        return latestId("asg_trail_event");
    }

    long latestMessageId() {
        return latestId("ntf_message");
    }

    private List<Change> changes(String table, String actorColumn, long afterId, int limit) {
        return jdbc.sql("SELECT id, assignment_id, " + actorColumn + " AS actor FROM " + table
                        + " WHERE id > ? ORDER BY id FETCH FIRST " + limit + " ROWS ONLY")
                .param(afterId)
                .query((rs, n) -> new Change(rs.getLong("id"), rs.getString("assignment_id"), rs.getString("actor")))
                .list();
    }

    private long latestId(String table) {
        Long latest = jdbc.sql("SELECT MAX(id) FROM " + table).query(Long.class).optional().orElse(null);
        return latest == null ? 0 : latest;
    }

    /** The latest task creation time, or null without tasks. */
    Instant latestTaskCreation() {
        Timestamp latest = jdbc.sql("SELECT MAX(CREATE_TIME_) FROM ACT_RU_TASK").query(Timestamp.class).optional()
                .orElse(null);
        return latest == null ? null : latest.toInstant();
    }
}
