package vn.dieuhanh.assignment.internal;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import static vn.dieuhanh.assignment.AssignmentLifecycleProcess.*;
import vn.dieuhanh.assignment.AssignmentInputException;
import vn.dieuhanh.assignment.TrailEventKind;
import vn.dieuhanh.platform.Conflict;
import vn.dieuhanh.platform.EngineAsSystem;
import vn.dieuhanh.platform.Forbidden;
import vn.dieuhanh.platform.NotFound;

/**
 * The REST API's way to act on an assignment: it completes the same user tasks an official completes in Tasklist,
 * as the calling official, so Camunda's task authorizations decide who may act.
 */
@Service
class AssignmentActions {

    private final AssignmentReadModel readModel;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final AssignmentRepository repository;
    private final TransactionTemplate step;

    AssignmentActions(AssignmentReadModel readModel, TaskService taskService, RuntimeService runtimeService,
                      IdentityService identityService, AssignmentRepository repository,
                      PlatformTransactionManager transactions) {
        this.readModel = readModel;
        this.step = new TransactionTemplate(transactions);
        this.repository = repository;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    void delegate(String assignmentId, String to, String note) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_HANDLING_DECISION, DECISION_DELEGATE);
        variables.put(VAR_DELEGATE_TO, to);
        variables.put(VAR_HANDLING_NOTE, note);
        complete(assignmentId, TASK_HANDLE_ASSIGNMENT, variables);
    }

    void report(String assignmentId, String result) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_HANDLING_DECISION, DECISION_REPORT);
        variables.put(VAR_RESULT_SUMMARY, result);
        complete(assignmentId, TASK_HANDLE_ASSIGNMENT, variables);
    }

    void requestExtension(String assignmentId, String proposedDeadline, String reason) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_HANDLING_DECISION, DECISION_REQUEST_EXTENSION);
        variables.put(VAR_PROPOSED_DEADLINE, proposedDeadline);
        variables.put(VAR_EXTENSION_REASON, reason);
        complete(assignmentId, TASK_HANDLE_ASSIGNMENT, variables);
    }

    void review(String assignmentId, boolean accepted, String note) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_RESULT_ACCEPTED, accepted);
        variables.put(VAR_REVIEW_NOTE, note);
        complete(assignmentId, TASK_REVIEW_RESULT, variables);
    }

    void decideExtension(String assignmentId, boolean approved, String note) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_EXTENSION_APPROVED, approved);
        variables.put(VAR_EXTENSION_DECISION_NOTE, note);
        complete(assignmentId, TASK_REVIEW_EXTENSION, variables);
    }

    /**
     * Nobody decides on what they submitted themselves (the rule {@code AssignmentService.requireDecider} enforces in
     * the engine's transaction), said as such before the step's assignee is compared.
     */
    private void notOwnSubmission(AssignmentRecord assignment, String taskKey, String caller) {
        TrailEventKind submitted = TASK_REVIEW_RESULT.equals(taskKey) ? TrailEventKind.REPORTED
                : TASK_REVIEW_EXTENSION.equals(taskKey) ? TrailEventKind.EXTENSION_REQUESTED : null;
        if (submitted != null && repository.lastEvent(assignment.id(), submitted).map(TrailEvent::actor)
                .filter(caller::equals).isPresent()) {
            throw new AssignmentForbidden("Không được tự xem xét nội dung do chính mình gửi (you cannot decide on "
                    + "what you submitted yourself)");
        }
    }

    /** Only the assigner (or a city leader, or an administrator) may cancel. */
    void cancel(String assignmentId, String reason) {
        AssignmentRecord assignment = openAssignment(assignmentId);
        AssignmentVisibility caller = readModel.caller();
        if (!caller.userId().equals(assignment.assignedBy()) && !caller.seesEverything()) {
            throw new AssignmentForbidden("Chỉ người giao được hủy nhiệm vụ này (only the assigner may cancel this assignment)");
        }
        if (reason == null || reason.isBlank()) {
            throw new AssignmentInputException("Nêu lý do hủy (a reason is required to cancel)");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_CANCEL_REASON, reason);
        variables.put(VAR_LAST_ACTOR, caller.userId());
        // the permission check is the one above: assigners hold no engine-wide right to update process instances
        EngineAsSystem.run(identityService, () -> runtimeService.createMessageCorrelation(MESSAGE_CANCEL)
                .processInstanceId(assignment.processInstanceId())
                .setVariables(variables)
                .correlateWithResult());
    }

    /**
     * One transaction for the step's reads, the guard's form look-up and the completion (issue 15: three
     * transactions before, each with its BEGIN and COMMIT). A step nobody holds yet is claimed first and committed on
     * its own, as before (the caller holds it even if the completion is then refused), outside that transaction: a
     * request never holds two connections of the pool.
     */
    private void complete(String assignmentId, String taskKey, Map<String, Object> variables) {
        String caller = readModel.caller().userId();
        String unclaimed = step.execute(transaction -> {
            Task task = openStep(assignmentId, taskKey, caller);
            if (task.getAssignee() == null) {
                return task.getId();
            }
            taskService.complete(task.getId(), variables);
            return null;
        });
        if (unclaimed != null) {
            taskService.claim(unclaimed, caller);
            taskService.complete(unclaimed, variables);
        }
    }

    /** The open step of this kind, if the caller may work it (or claim it: no assignee yet). */
    private Task openStep(String assignmentId, String taskKey, String caller) {
        AssignmentRecord assignment = openAssignment(assignmentId);
        // which step is open is part of the progress whoever sees the assignment sees (AssignmentReadModel); whether
        // the caller may work it is decided below and by the engine's authorizations on claim and complete
        Task task = EngineAsSystem.call(identityService, () -> taskService.createTaskQuery()
                .processInstanceId(assignment.processInstanceId()).taskDefinitionKey(taskKey).singleResult());
        if (task == null) {
            throw new AssignmentConflict("Nhiệm vụ hiện không chờ bước này (the assignment is not waiting for this "
                    + "step now)");
        }
        notOwnSubmission(assignment, taskKey, caller);
        if (task.getAssignee() != null && !task.getAssignee().equals(caller)) {
            throw new AssignmentForbidden("Bước này do người khác xử lý: " + task.getAssignee() + " (this step is "
                    + "assigned to '" + task.getAssignee() + "')");
        }
        return task;
    }

    private AssignmentRecord openAssignment(String assignmentId) {
        AssignmentRecord assignment = readModel.visible(assignmentId)
                .orElseThrow(() -> new AssignmentNotFound(assignmentId));
        if (!assignment.isOpen() || assignment.processInstanceId() == null) {
            throw new AssignmentConflict(assignment.isOpen()
                    ? "Nhiệm vụ chưa bắt đầu xử lý (the assignment is not started yet)"
                    : "Nhiệm vụ đã kết thúc (the assignment is closed)");
        }
        return assignment;
    }

    static class AssignmentNotFound extends NotFound {
        AssignmentNotFound(String id) {
            super("Không tìm thấy nhiệm vụ '" + id + "' mà người gọi được xem (no assignment '" + id
                    + "' that you may see)");
        }
    }

    static class AssignmentForbidden extends Forbidden {
        AssignmentForbidden(String message) {
            super(message);
        }
    }

    static class AssignmentConflict extends Conflict {
        AssignmentConflict(String message) {
            super(message);
        }
    }
}
