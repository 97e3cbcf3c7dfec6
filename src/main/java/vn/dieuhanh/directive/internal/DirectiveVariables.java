package vn.dieuhanh.directive.internal;

import static vn.dieuhanh.directive.DirectiveHandlingProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import vn.dieuhanh.assignment.VariableValues;
import vn.dieuhanh.directive.DirectiveHandlingProcess;
import vn.dieuhanh.directive.DirectivePlan;

/**
 * Typed access to the variables of a {@code directive-handling} instance (names and meaning in
 * {@link DirectiveHandlingProcess}): what the clerk's and the leader's forms (or the REST API) left, read in whatever
 * shape the client sent it, and what the steps write for the gateways and forms.
 */
record DirectiveVariables(VariableScope scope) {

    static DirectiveVariables of(VariableScope scope) {
        return new DirectiveVariables(scope);
    }

    /** The register form's fields. */
    DirectiveService.Registration registration(String registeredBy) {
        return new DirectiveService.Registration(text(VAR_SOURCE), text(VAR_DOCUMENT_NUMBER),
                VariableValues.date(scope.getVariable(VAR_ISSUED_ON), VAR_ISSUED_ON),
                VariableValues.date(scope.getVariable(VAR_RECEIVED_ON), VAR_RECEIVED_ON), text(VAR_SUMMARY),
                text(VAR_URGENCY), text(VAR_ATTACHMENT_REF), registeredBy);
    }

    void registered(String directiveId, Object unitOptions) {
        scope.setVariable(VAR_DIRECTIVE_ID, directiveId);
        scope.setVariable(VAR_UNIT_OPTIONS, unitOptions);
        if (scope.getVariable(VAR_ASSIGNMENT_PLANNED) == null) {
            scope.setVariable(VAR_ASSIGNMENT_PLANNED, false);
        }
    }

    /** Who registered it, as the engine recorded the initiator (for plans the application runs as the system). */
    String registeredBy() {
        return text(VAR_REGISTERED_BY);
    }

    /**
     * The plan as the leader's form or the REST API left it: lead unit and deadline, coordinating units with the
     * common deadline or their own ({@code coordinatingDeadlines}: unit code to {@code {workingDays, date}}),
     * informed units and the note.
     */
    DirectivePlan plan(String assignedBy) {
        Integer commonDays = VariableValues.integer(scope.getVariable(VAR_COORDINATING_WORKING_DAYS),
                VAR_COORDINATING_WORKING_DAYS);
        Object perUnit = scope.getVariable(VAR_COORDINATING_DEADLINES);
        SpinJsonNode deadlines = perUnit instanceof SpinJsonNode node ? node
                : perUnit == null ? null : Spin.JSON(perUnit.toString());
        List<DirectivePlan.Coordination> coordinating = new ArrayList<>();
        for (String unit : VariableValues.strings(scope.getVariable(VAR_COORDINATING_UNITS))) {
            Integer days = commonDays;
            LocalDate date = null;
            if (deadlines != null && deadlines.hasProp(unit)) {
                SpinJsonNode own = deadlines.prop(unit);
                days = own.hasProp("workingDays") && !own.prop("workingDays").isNull()
                        ? VariableValues.integer(own.prop("workingDays").value(), "workingDays") : null;
                date = own.hasProp("date") && !own.prop("date").isNull()
                        ? VariableValues.date(own.prop("date").stringValue(), "date") : null;
            }
            coordinating.add(new DirectivePlan.Coordination(unit, days, date));
        }
        return new DirectivePlan(assignedBy, text(VAR_LEAD_UNIT),
                VariableValues.integer(scope.getVariable(VAR_DEADLINE_WORKING_DAYS), VAR_DEADLINE_WORKING_DAYS),
                VariableValues.date(scope.getVariable(VAR_DEADLINE_DATE), VAR_DEADLINE_DATE), coordinating,
                informedUnits(), text(VAR_ASSIGNMENT_NOTE));
    }

    /** What the multi-instance call activities iterate over (JSON lists: no Java serialization). */
    void planned(DirectiveService.PlannedAssignments planned) {
        scope.setVariable(VAR_LEAD_ASSIGNMENT_ID, planned.leadAssignmentId());
        scope.setVariable(VAR_COORDINATING_ASSIGNMENT_IDS, new ArrayList<>(planned.coordinatingAssignmentIds()));
        scope.setVariable(VAR_INFORMED_UNITS, new ArrayList<>(informedUnits()));
    }

    /** For the gateway "Còn việc phối hợp chưa xong?" and the assigner's form. */
    void openWork(boolean remaining, String description, String decider) {
        scope.setVariable(VAR_OPEN_WORK_REMAINING, remaining);
        scope.setVariable(VAR_OPEN_WORK, description);
        scope.setVariable(VAR_CLOSE_DECIDER, decider);
    }

    String closeDecision() {
        return text(VAR_CLOSE_DECISION);
    }

    /** Normalised (trimmed) for the gateway after the assigner's task. */
    void setCloseDecision(String decision) {
        scope.setVariable(VAR_CLOSE_DECISION, decision);
    }

    String closeReason() {
        return text(VAR_CLOSE_REASON);
    }

    String lastActor() {
        return text(VAR_LAST_ACTOR);
    }

    private List<String> informedUnits() {
        return VariableValues.strings(scope.getVariable(VAR_INFORMED_UNITS));
    }

    private String text(String name) {
        return VariableValues.text(scope.getVariable(name));
    }
}
