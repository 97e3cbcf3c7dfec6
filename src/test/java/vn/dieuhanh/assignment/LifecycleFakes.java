package vn.dieuhanh.assignment;

import static vn.dieuhanh.assignment.AssignmentLifecycleProcess.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.spin.plugin.variable.SpinValues;
import vn.dieuhanh.deadline.AlertSchedule;

/**
 * Stand-ins for the Spring beans that {@code assignment-lifecycle} calls by name. Each sets the process variables its
 * real counterpart sets (see {@code LifecycleDelegates}, {@code LifecycleTaskListeners}) from a small in-memory book
 * of assignments, and writes down that it ran, per assignment, so tests can assert the order of the steps.
 */
public final class LifecycleFakes {

    /**
     * What {@code AssignmentService} would hold for an assignment; {@code holderUser == null}: the unit head.
     * {@code assignedAt == null}: when the lifecycle opens it (engine clock).
     */
    public record Assignment(String unitCode, String title, String reviewer, String holderGroup, String holderUser,
                             Date deadline, String urgency, String source, String assignedBy, Date assignedAt) {

        /** A normal assignment of the City People's Committee, assigned by its reviewer. */
        public Assignment(String unitCode, String title, String reviewer, String holderGroup, String holderUser,
                          Date deadline) {
            this(unitCode, title, reviewer, holderGroup, holderUser, deadline, "NORMAL", "CITY_PEOPLES_COMMITTEE",
                    reviewer, null);
        }
    }

    private record Holder(String group, String user) {
    }

    private record Step(String assignmentId, String name) {
    }

    /** The proposed extension date becomes a legal deadline at the end of that working day. */
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Map<String, Assignment> book = new ConcurrentHashMap<>();
    private final Map<String, Holder> delegationTargets = new ConcurrentHashMap<>();
    private final List<Step> steps = new ArrayList<>();
    private Consumer<DelegateExecution> deadlineChanged = execution -> { };

    public LifecycleFakes assignment(String id, Assignment assignment) {
        book.put(id, assignment);
        return this;
    }

    /** A division (group, no user) or an official (their division, themselves) the holder may delegate to. */
    public LifecycleFakes delegationTarget(String target, String group, String user) {
        delegationTargets.put(target, new Holder(group, user));
        return this;
    }

    /**
     * What the real {@code recordExtensionDecision} does after an approved extension changed {@code deadline}
     * (re-plan the pending alert, recalculate the timers); nothing by default.
     */
    /**
     * The real deadline watcher around the fakes: its four delegates, and after an approved extension what the real
     * recordExtensionDecision does (re-plan the alerts and recalculate the pending timer's due date).
     */
    public LifecycleFakes withRealWatcher(vn.dieuhanh.assignment.internal.DeadlineAlertDelegates deadlineAlerts) {
        Mocks.register("planDeadlineAlerts", deadlineAlerts.planDeadlineAlerts());
        Mocks.register("selectDueDeadlineAlert", deadlineAlerts.selectDueDeadlineAlert());
        Mocks.register("sendDueDeadlineAlert", deadlineAlerts.sendDueDeadlineAlert());
        Mocks.register("planNextDeadlineAlert", deadlineAlerts.planNextDeadlineAlert());
        return onDeadlineChanged(execution -> {
            deadlineAlerts.replan(execution);
            var jobs = execution.getProcessEngineServices().getManagementService();
            for (var timer : jobs.createJobQuery().processInstanceId(execution.getProcessInstanceId()).timers().list()) {
                jobs.recalculateJobDuedate(timer.getId(), false);
            }
        });
    }

    public LifecycleFakes onDeadlineChanged(Consumer<DelegateExecution> action) {
        this.deadlineChanged = action;
        return this;
    }

    /** The names of the beans that ran for the assignment, in order. */
    public synchronized List<String> steps(String assignmentId) {
        return steps.stream().filter(step -> step.assignmentId().equals(assignmentId)).map(Step::name).toList();
    }

    /** Makes the fakes the beans the lifecycle's expressions resolve to (undo with {@link Mocks#reset()}). */
    public LifecycleFakes register() {
        Mocks.register("openAssignment", openAssignment());
        Mocks.register("recordDelegation", recordDelegation());
        Mocks.register("recordReport", recordReport());
        Mocks.register("recordExtensionRequest", recordExtensionRequest());
        Mocks.register("recordExtensionDecision", recordExtensionDecision());
        Mocks.register("recordReview", recordReview());
        Mocks.register("recordCancellation", recordCancellation());
        Mocks.register("rememberCompleter", rememberCompleter());
        Mocks.register("offerDelegationOptions", offerDelegationOptions());
        // the real listener names tasks from the assignments' table (tested on PostgreSQL); not a step here
        Mocks.register("nameAssignmentTask", (TaskListener) task -> { });
        // no deadline alerts unless a test registers the real ones: the watcher parks its timer
        Mocks.register("planDeadlineAlerts", parkTheWatcher());
        Mocks.register("selectDueDeadlineAlert", parkTheWatcher());
        Mocks.register("sendDueDeadlineAlert", parkTheWatcher());
        Mocks.register("planNextDeadlineAlert", parkTheWatcher());
        return this;
    }

    private synchronized void ran(Object assignmentId, String name) {
        steps.add(new Step(String.valueOf(assignmentId), name));
    }

    private static String assignmentId(DelegateExecution execution) {
        return (String) execution.getVariable(VAR_ASSIGNMENT_ID);
    }

    private static String lastActor(DelegateExecution execution) {
        Object actor = execution.getVariable(VAR_LAST_ACTOR);
        return actor == null ? "system" : actor.toString();
    }

    private static boolean flag(Object value) {
        return value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
    }

    private JavaDelegate openAssignment() {
        return execution -> {
            String id = assignmentId(execution);
            Assignment assignment = book.get(id);
            if (assignment == null) {
                throw new IllegalStateException("No assignment " + id);
            }
            ran(id, "openAssignment");
            execution.setVariable(VAR_UNIT_CODE, assignment.unitCode());
            execution.setVariable(VAR_TITLE, assignment.title());
            execution.setVariable(VAR_REVIEWER, assignment.reviewer());
            execution.setVariable(VAR_HOLDER_GROUP, assignment.holderGroup());
            execution.setVariable(VAR_HOLDER_USER,
                    assignment.holderUser() != null ? assignment.holderUser() : assignment.unitCode() + ".head");
            execution.setVariable(VAR_DEADLINE, assignment.deadline());
            execution.setVariable(VAR_URGENCY, assignment.urgency());
            execution.setVariable(VAR_SOURCE, assignment.source());
            execution.setVariable(VAR_ASSIGNED_BY, assignment.assignedBy());
            execution.setVariable(VAR_ASSIGNED_AT,
                    assignment.assignedAt() != null ? assignment.assignedAt() : ClockUtil.getCurrentTime());
        };
    }

    private static JavaDelegate parkTheWatcher() {
        return execution -> {
            execution.setVariable(VAR_NEXT_ALERT_AT, Date.from(AlertSchedule.NEVER));
            execution.setVariable(VAR_NEXT_ALERT_KIND, null);
        };
    }

    private JavaDelegate recordDelegation() {
        return execution -> {
            Object target = execution.getVariable(VAR_DELEGATE_TO);
            Holder holder = target == null ? null : delegationTargets.get(target.toString());
            if (holder == null) {
                // the real service refuses targets outside the unit, which rolls the completion back
                throw new IllegalArgumentException("'" + target + "' is not a division or official of the unit");
            }
            ran(assignmentId(execution), "recordDelegation");
            execution.setVariable(VAR_HOLDER_GROUP, holder.group());
            execution.setVariable(VAR_HOLDER_USER, holder.user());
        };
    }

    private JavaDelegate recordReport() {
        return execution -> {
            ran(assignmentId(execution), "recordReport");
            execution.setVariable(VAR_HOLDER_USER, lastActor(execution));
        };
    }

    private JavaDelegate recordExtensionRequest() {
        return execution -> {
            ran(assignmentId(execution), "recordExtensionRequest");
            LocalDate proposed = LocalDate.parse(execution.getVariable(VAR_PROPOSED_DEADLINE).toString());
            execution.setVariable(VAR_PROPOSED_DEADLINE_AT,
                    Date.from(proposed.atTime(17, 0).atZone(ZONE).toInstant()));
            execution.setVariable(VAR_HOLDER_USER, lastActor(execution));
        };
    }

    private JavaDelegate recordExtensionDecision() {
        return execution -> {
            ran(assignmentId(execution), "recordExtensionDecision");
            boolean approved = flag(execution.getVariable(VAR_EXTENSION_APPROVED));
            execution.setVariable(VAR_EXTENSION_APPROVED, approved);
            if (approved) {
                execution.setVariable(VAR_DEADLINE, execution.getVariable(VAR_PROPOSED_DEADLINE_AT));
                deadlineChanged.accept(execution);
            }
        };
    }

    private JavaDelegate recordReview() {
        return execution -> {
            ran(assignmentId(execution), "recordReview");
            boolean accepted = flag(execution.getVariable(VAR_RESULT_ACCEPTED));
            execution.setVariable(VAR_RESULT_ACCEPTED, accepted);
            if (accepted) {
                execution.setVariable(VAR_ASSIGNMENT_OUTCOME, OUTCOME_COMPLETED);
            }
        };
    }

    private JavaDelegate recordCancellation() {
        return execution -> {
            ran(assignmentId(execution), "recordCancellation");
            execution.setVariable(VAR_ASSIGNMENT_OUTCOME, OUTCOME_CANCELLED);
        };
    }

    private TaskListener rememberCompleter() {
        return task -> {
            ran(task.getVariable(VAR_ASSIGNMENT_ID), "rememberCompleter");
            Authentication authentication =
                    task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            String actor = authentication != null ? authentication.getUserId() : task.getAssignee();
            task.setVariable(VAR_LAST_ACTOR, actor == null ? "system" : actor);
        };
    }

    private TaskListener offerDelegationOptions() {
        return task -> {
            ran(task.getVariable(VAR_ASSIGNMENT_ID), "offerDelegationOptions");
            StringBuilder options = new StringBuilder("[");
            delegationTargets.keySet().stream().sorted().forEach(target -> options
                    .append(options.length() > 1 ? "," : "")
                    .append("{\"label\":\"").append(target).append("\",\"value\":\"").append(target).append("\"}"));
            task.setVariable(VAR_DELEGATION_OPTIONS, SpinValues.jsonValue(options.append(']').toString()).create());
        };
    }
}
