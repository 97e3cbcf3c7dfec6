package vn.dieuhanh.directive.internal;

import static vn.dieuhanh.directive.DirectiveHandlingProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import vn.dieuhanh.assignment.AssignmentInputException;
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
        Map<String, Integer> listed = deadlineList();
        List<DirectivePlan.Coordination> coordinating = new ArrayList<>();
        for (String unit : VariableValues.strings(scope.getVariable(VAR_COORDINATING_UNITS))) {
            Integer days = commonDays;
            LocalDate date = null;
            if (listed.containsKey(unit)) {
                days = listed.get(unit);
            } else if (deadlines != null && deadlines.hasProp(unit)) {
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

    /**
     * The Tasklist form's per-unit deadlines ({@code [{"unit", "workingDays"}]}), checked here because a form
     * submits whatever JSON its user sends: each row names a coordinating unit once, with a positive whole number.
     */
    private Map<String, Integer> deadlineList() {
        Object value = scope.getVariable(VAR_COORDINATING_DEADLINE_LIST);
        Map<String, Integer> result = new LinkedHashMap<>();
        if (value == null) {
            return result;
        }
        SpinJsonNode rows;
        try {
            rows = value instanceof SpinJsonNode node ? node : Spin.JSON(value.toString());
        } catch (RuntimeException notJson) {
            rows = null;
        }
        if (rows == null || !rows.isArray()) {
            throw new AssignmentInputException("Hạn riêng của đơn vị phối hợp phải là một danh sách ("
                    + VAR_COORDINATING_DEADLINE_LIST + " must be a list)");
        }
        List<String> coordinating = VariableValues.strings(scope.getVariable(VAR_COORDINATING_UNITS));
        for (SpinJsonNode row : rows.elements()) {
            String unit = row.isObject() && row.hasProp("unit") && row.prop("unit").isString()
                    ? row.prop("unit").stringValue() : null;
            if (unit == null || !coordinating.contains(unit)) {
                throw new AssignmentInputException("Hạn riêng chỉ đặt cho đơn vị đã chọn phối hợp: '" + unit
                        + "' (a per-unit deadline must name one of the coordinating units)");
            }
            if (result.containsKey(unit)) {
                throw new AssignmentInputException("Đơn vị '" + unit + "' có hai hạn riêng (unit '" + unit
                        + "' has two deadlines)");
            }
            Integer days = row.hasProp("workingDays") && !row.prop("workingDays").isNull()
                    ? VariableValues.integer(row.prop("workingDays").value(), "workingDays") : null;
            if (days == null || days < 1) {
                throw new AssignmentInputException("Hạn riêng của đơn vị '" + unit + "' phải từ 1 ngày làm việc trở "
                        + "lên (the deadline of unit '" + unit + "' must be at least 1 working day)");
            }
            result.put(unit, days);
        }
        return result;
    }

    /** The computed plan for the leader's confirmation, and who confirms it (the leader logged in). */
    void deadlinesComputed(String preview, String confirmer) {
        scope.setVariable(VAR_DEADLINE_PREVIEW, preview);
        scope.setVariable(VAR_ASSIGNMENT_CONFIRMER, confirmer);
        scope.removeVariable(VAR_ASSIGNMENT_CONFIRMATION);
    }

    /**
     * A plan made in Tasklist is carried out only when the leader who made it confirmed the computed deadlines
     * (the confirmation task is theirs; this also holds if another account got hold of the task). A plan given at
     * registration has no confirmation step.
     */
    void requireConfirmedBy(String loggedIn, boolean administrator) {
        String confirmer = text(VAR_ASSIGNMENT_CONFIRMER);
        if (confirmer != null && loggedIn != null && !administrator && !confirmer.equals(loggedIn)) {
            throw new org.camunda.bpm.engine.AuthorizationException("Chỉ lãnh đạo đã phân công mới xác nhận được "
                    + "phân công này (only the leader who made the plan confirms it)");
        }
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
