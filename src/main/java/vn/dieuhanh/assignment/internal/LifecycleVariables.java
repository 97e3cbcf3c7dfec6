package vn.dieuhanh.assignment.internal;

import static vn.dieuhanh.assignment.AssignmentLifecycleProcess.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import vn.dieuhanh.assignment.AssignmentInputException;
import vn.dieuhanh.assignment.VariableValues;
import vn.dieuhanh.calendar.VietnameseDates;
import vn.dieuhanh.deadline.DeadlineAlert;
import vn.dieuhanh.deadline.ReminderPolicy;
import vn.dieuhanh.deadline.WatcherVariables;

/** Typed access to the lifecycle's variables, so delegates read like the BPMN they serve. */
final class LifecycleVariables {

    private final VariableScope scope;

    LifecycleVariables(VariableScope scope) {
        this.scope = scope;
    }

    /**
     * The variable the calling process passed in; read only when the lifecycle opens (see openAssignment): later
     * steps read the assignment from the table by process instance ({@code AssignmentService.ofProcessInstance}).
     */
    String assignmentId() {
        return (String) scope.getVariable(VAR_ASSIGNMENT_ID);
    }

    /**
     * Who acts: the logged-in user whose task completion runs this step (Tasklist, engine REST, the application's
     * API); for steps the application runs as the system (a cancellation), the actor it recorded.
     */
    String actor() {
        Authentication authentication = identityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        Object actor = scope.getVariable(VAR_LAST_ACTOR);
        return actor == null ? "system" : actor.toString();
    }

    private IdentityService identityService() {
        return ((DelegateExecution) scope).getProcessEngineServices().getIdentityService();
    }

    String text(String name) {
        return VariableValues.text(scope.getVariable(name));
    }

    boolean flag(String name) {
        Object value = scope.getVariable(name);
        return value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
    }

    /** A date the official entered; a malformed one is shown back to them. */
    LocalDate date(String name) {
        try {
            return VariableValues.date(scope.getVariable(name), name);
        } catch (AssignmentInputException e) {
            throw new HandlingRejected(e.getMessage());
        }
    }

    OffsetDateTime instant(String name) {
        Instant value = moment(name);
        return value == null ? null : value.atOffset(ZoneOffset.UTC);
    }

    void setDeadline(OffsetDateTime deadline) {
        scope.setVariable(VAR_DEADLINE, Date.from(deadline.toInstant()));
        scope.setVariable(VAR_DEADLINE_TEXT, VietnameseDates.deadline(deadline));
    }

    Instant moment(String name) {
        Date value = (Date) scope.getVariable(name);
        return value == null ? null : value.toInstant();
    }

    ReminderPolicy policy() {
        return WatcherVariables.readPolicy(scope);
    }

    void setPolicy(ReminderPolicy policy) {
        WatcherVariables.writePolicy(scope, policy);
    }

    void setNextAlert(Optional<DeadlineAlert> next) {
        WatcherVariables.writeNextAlert(scope, next);
    }

    void setLastActor(String actor) {
        scope.setVariable(VAR_LAST_ACTOR, actor);
    }

    /** The handling form's picker (JSON). */
    void setDelegationOptions(Object options) {
        scope.setVariable(VAR_DELEGATION_OPTIONS, options);
    }

    void setHolder(Holder holder) {
        scope.setVariable(VAR_HOLDER_GROUP, holder.group());
        scope.setVariable(VAR_HOLDER_USER, holder.user());
    }
}
