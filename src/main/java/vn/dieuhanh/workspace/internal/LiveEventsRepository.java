package vn.dieuhanh.workspace.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * New engine user tasks and who they are for, for live updates: one indexed range query on the task table's creation
 * time (index from migration V15) per node and tick, whatever the number of connected officials.
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

    /** The latest task creation time, or null without tasks. */
    Instant latestTaskCreation() {
        Timestamp latest = jdbc.sql("SELECT MAX(CREATE_TIME_) FROM ACT_RU_TASK").query(Timestamp.class).optional()
                .orElse(null);
        return latest == null ? null : latest.toInstant();
    }
}
