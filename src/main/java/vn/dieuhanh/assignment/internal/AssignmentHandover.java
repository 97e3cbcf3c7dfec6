package vn.dieuhanh.assignment.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dieuhanh.assignment.AssignmentLifecycleProcess;
import vn.dieuhanh.assignment.OpenWorkHandover;
import vn.dieuhanh.assignment.TrailEventKind;

@Service
class AssignmentHandover implements OpenWorkHandover {

    private final JdbcClient jdbc;
    private final AssignmentRepository repository;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final Clock clock;

    AssignmentHandover(JdbcClient jdbc, AssignmentRepository repository, RuntimeService runtimeService,
                       TaskService taskService, Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.clock = clock;
    }

    @Override
    public List<HeldAssignment> openWorkOf(String userId) {
        return jdbc.sql("""
                        SELECT id, unit_code, title, holder_user, reviewer FROM asg_assignment
                         WHERE (holder_user = ? OR reviewer = ?) AND completed_at IS NULL AND cancelled_at IS NULL
                         ORDER BY id""")
                .params(userId, userId)
                .query((rs, n) -> new HeldAssignment(rs.getString("id"), rs.getString("unit_code"),
                        rs.getString("title"), userId.equals(rs.getString("holder_user")),
                        userId.equals(rs.getString("reviewer"))))
                .list();
    }

    @Override
    @Transactional
    public List<HeldAssignment> handOver(String fromUser, String toUser, String actor, String reason) {
        List<HeldAssignment> held = openWorkOf(fromUser);
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (HeldAssignment item : held) {
            AssignmentRecord assignment = repository.get(item.assignmentId());
            String processInstanceId = assignment.processInstanceId();
            if (item.holder()) {
                // the unit's group: the new holder may be in another division of the unit (its head, say)
                repository.updateHolder(item.assignmentId(), assignment.unitCode(), toUser);
                if (processInstanceId != null && isRunning(processInstanceId)) {
                    runtimeService.setVariable(processInstanceId, AssignmentLifecycleProcess.VAR_HOLDER_GROUP,
                            assignment.unitCode());
                    runtimeService.setVariable(processInstanceId, AssignmentLifecycleProcess.VAR_HOLDER_USER, toUser);
                }
            }
            if (item.reviewer()) {
                jdbc.sql("UPDATE asg_assignment SET reviewer = ? WHERE id = ?").params(toUser, item.assignmentId())
                        .update();
                if (processInstanceId != null && isRunning(processInstanceId)) {
                    runtimeService.setVariable(processInstanceId, AssignmentLifecycleProcess.VAR_REVIEWER, toUser);
                }
            }
            if (processInstanceId != null) {
                for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId)
                        .taskAssignee(fromUser).list()) {
                    taskService.setAssignee(task.getId(), toUser);
                }
            }
            repository.appendTrail(item.assignmentId(), TrailEventKind.DELEGATED, actor, toUser,
                    "Bàn giao công việc của " + fromUser + ": " + reason, null, null, now);
        }
        return held;
    }

    private boolean isRunning(String processInstanceId) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
    }
}
