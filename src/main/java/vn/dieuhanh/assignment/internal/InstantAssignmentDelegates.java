package vn.dieuhanh.assignment.internal;

import static vn.dieuhanh.assignment.InstantAssignmentProcess.*;

import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dieuhanh.assignment.AssignmentDeadlines;
import vn.dieuhanh.assignment.AssignmentInputException;
import vn.dieuhanh.assignment.AssignmentRole;
import vn.dieuhanh.assignment.Assignments;
import vn.dieuhanh.assignment.NewAssignment;
import vn.dieuhanh.assignment.Urgency;
import vn.dieuhanh.assignment.VariableValues;
import vn.dieuhanh.assignment.WorkSource;

@Configuration(proxyBeanMethods = false)
class InstantAssignmentDelegates {

    /** Validates the leader's input and records the assignment; runs in the start transaction, so bad input fails it. */
    @Bean
    JavaDelegate createInstantAssignment(Assignments assignments, AssignmentDeadlines deadlines,
                                         AssignerPolicy assigners) {
        return execution -> {
            // the assigner is whoever is logged in and starts the process (the start runs in their transaction); a
            // start without a login is the application's own, whose initiator variable it set itself
            Authentication login = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            String assignedBy = login != null && login.getUserId() != null ? login.getUserId()
                    : VariableValues.text(execution.getVariable(VAR_ASSIGNED_BY));
            if (assignedBy == null) {
                throw new AssignmentInputException("Không rõ người giao việc: hãy đăng nhập để giao việc (the assigning "
                        + "leader is unknown: start the task as a logged-in leader or unit head)");
            }
            execution.setVariable(VAR_ASSIGNED_BY, assignedBy);
            String unitCode = VariableValues.text(execution.getVariable(VAR_UNIT_CODE));
            if (unitCode == null) {
                throw new AssignmentInputException("Chọn đơn vị thực hiện (choose the unit that carries out the task)");
            }
            if (login != null && login.getUserId() != null) {
                assigners.requireMayAssign(assignedBy, login.getGroupIds() == null ? List.of() : login.getGroupIds(),
                        unitCode);
            }
            OffsetDateTime deadline = deadlines.resolve(
                    VariableValues.integer(execution.getVariable(VAR_DEADLINE_WORKING_DAYS), VAR_DEADLINE_WORKING_DAYS),
                    VariableValues.date(execution.getVariable(VAR_DEADLINE_DATE), VAR_DEADLINE_DATE));
            String id = assignments.create(new NewAssignment(null, null, AssignmentRole.INSTANT, WorkSource.INSTANT,
                    Urgency.parse(VariableValues.text(execution.getVariable(VAR_URGENCY))), unitCode,
                    VariableValues.text(execution.getVariable(VAR_ASSIGNEE)),
                    VariableValues.text(execution.getVariable(VAR_TITLE)),
                    VariableValues.text(execution.getVariable(VAR_DESCRIPTION)), assignedBy, assignedBy, deadline));
            execution.setVariable(VAR_ASSIGNMENT_ID, id);
            // Cockpit finds the instance by the assignment's id, as it finds the lifecycle it calls
            execution.setProcessBusinessKey(id);
        };
    }
}
