package vn.dieuhanh.directive.internal;

import static vn.dieuhanh.directive.DirectiveHandlingProcess.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dieuhanh.assignment.FormOptions;
import vn.dieuhanh.assignment.VariableValues;
import vn.dieuhanh.directive.DirectivePlan;
import vn.dieuhanh.directive.DocumentAcknowledgementProcess;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.platform.EngineAsSystem;
import vn.dieuhanh.platform.HistoryReadGrants;
import vn.dieuhanh.platform.Roles;

/**
 * Service tasks of {@code directive-handling}. Registration and planning run in the transaction of the start form or
 * the leader's form, so invalid input is refused there and nothing is half-created.
 */
@Configuration(proxyBeanMethods = false)
class DirectiveDelegates {

    @Bean
    JavaDelegate registerDirective(DirectiveService directives, OrganisationDirectory directory,
                                   HistoryReadGrants history) {
        return execution -> {
            String id = directives.register(new DirectiveService.Registration(
                    VariableValues.text(execution.getVariable(VAR_SOURCE)),
                    VariableValues.text(execution.getVariable(VAR_DOCUMENT_NUMBER)),
                    VariableValues.date(execution.getVariable(VAR_ISSUED_ON), VAR_ISSUED_ON),
                    VariableValues.date(execution.getVariable(VAR_RECEIVED_ON), VAR_RECEIVED_ON),
                    VariableValues.text(execution.getVariable(VAR_SUMMARY)),
                    VariableValues.text(execution.getVariable(VAR_URGENCY)),
                    VariableValues.text(execution.getVariable(VAR_ATTACHMENT_REF)),
                    Optional.ofNullable(loggedIn(execution)).orElse("system")),
                    execution.getProcessInstanceId());
            execution.setVariable(VAR_DIRECTIVE_ID, id);
            // directives are read by every official through the API; the instance's history by the Office and the
            // clerk who registered it (City PC leaders read all history)
            history.grant(execution.getProcessInstanceId(), List.of(Roles.CITY_OFFICE),
                    Optional.ofNullable(loggedIn(execution)).stream().toList());
            execution.setVariable(VAR_UNIT_OPTIONS, unitOptions(directory));
            if (execution.getVariable(VAR_ASSIGNMENT_PLANNED) == null) {
                execution.setVariable(VAR_ASSIGNMENT_PLANNED, false);
            }
        };
    }

    @Bean
    JavaDelegate planDirectiveAssignments(DirectiveService directives) {
        return execution -> {
            Authentication login = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            if (login != null && !Roles.isAdministrator(login.getGroupIds())
                    && (login.getGroupIds() == null || !login.getGroupIds().contains(Roles.LEADER))) {
                throw new AuthorizationException("Chỉ lãnh đạo UBND Thành phố phân công xử lý văn bản chỉ đạo (only City "
                        + "People's Committee leaders assign directives)");
            }
            DirectiveService.PlannedAssignments planned =
                    directives.plan(directives.ofProcessInstance(execution.getProcessInstanceId()), planOf(execution));
            execution.setVariable(VAR_LEAD_ASSIGNMENT_ID, planned.leadAssignmentId());
            execution.setVariable(VAR_COORDINATING_ASSIGNMENT_IDS, new ArrayList<>(planned.coordinatingAssignmentIds()));
            execution.setVariable(VAR_INFORMED_UNITS,
                    new ArrayList<>(VariableValues.strings(execution.getVariable(VAR_INFORMED_UNITS))));
        };
    }

    @Bean
    JavaDelegate closeDirective(DirectiveService directives) {
        return execution -> directives.close(directives.ofProcessInstance(execution.getProcessInstanceId()));
    }

    /**
     * The lead unit's result was accepted: which coordinating assignments (the assignments' table) and which
     * acknowledgements (the running called instances) are still open, and who decides about them (the directive's
     * assigner, from its record). Runs in the reviewer's transaction, so the engine is read as the system.
     */
    @Bean
    JavaDelegate findOpenDirectiveWork(DirectiveService directives) {
        return execution -> {
            String directiveId = directives.ofProcessInstance(execution.getProcessInstanceId());
            org.camunda.bpm.engine.ProcessEngineServices engine = execution.getProcessEngineServices();
            List<String> unacknowledged = EngineAsSystem.call(engine.getIdentityService(), () -> {
                List<String> units = new ArrayList<>();
                for (var instance : engine.getRuntimeService().createProcessInstanceQuery()
                        .processDefinitionKey(DocumentAcknowledgementProcess.KEY)
                        .superProcessInstanceId(execution.getProcessInstanceId()).list()) {
                    Object unit = engine.getRuntimeService().getVariable(instance.getId(),
                            DocumentAcknowledgementProcess.VAR_RECIPIENT_UNIT);
                    if (unit != null) {
                        units.add(unit.toString());
                    }
                }
                return units;
            });
            DirectiveService.OpenWork open = directives.openWork(directiveId, unacknowledged);
            execution.setVariable(VAR_OPEN_WORK_REMAINING, !open.isEmpty());
            execution.setVariable(VAR_OPEN_WORK, open.isEmpty() ? null : directives.describe(open));
            execution.setVariable(VAR_CLOSE_DECIDER, open.assignedBy());
        };
    }

    /** The assigner's choice on the open work; the decider is checked against the directive's record. */
    @Bean
    JavaDelegate recordCloseDecision(DirectiveService directives) {
        return execution -> {
            String actor = loggedIn(execution);
            if (actor == null) {
                actor = VariableValues.text(execution.getVariable(VAR_LAST_ACTOR));
            }
            String decision = VariableValues.text(execution.getVariable(VAR_CLOSE_DECISION));
            directives.decideOnOpenWork(directives.ofProcessInstance(execution.getProcessInstanceId()), actor,
                    decision, VariableValues.text(execution.getVariable(VAR_CLOSE_REASON)));
            execution.setVariable(VAR_CLOSE_DECISION, decision);
        };
    }

    @Bean
    JavaDelegate cancelOpenDirectiveWork(DirectiveService directives) {
        return execution -> directives.cancelOpenWork(directives.ofProcessInstance(execution.getProcessInstanceId()));
    }

    /**
     * Who acts in this transaction: the logged-in user who starts the process or completes the task before this
     * step (Tasklist, engine REST, the application's API), never a variable.
     */
    static String loggedIn(DelegateExecution execution) {
        Authentication login = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return login == null ? null : login.getUserId();
    }

    /**
     * The plan as the leader's form or the REST API left it in the variables; the assigner is the leader logged in
     * (the start or the assigning task runs in their transaction), or, for a plan the application runs as the system,
     * the initiator the engine recorded.
     */
    static DirectivePlan planOf(DelegateExecution execution) {
        String assignedBy = loggedIn(execution);
        if (assignedBy == null) {
            assignedBy = VariableValues.text(execution.getVariable(VAR_REGISTERED_BY));
        }
        Integer commonDays = VariableValues.integer(execution.getVariable(VAR_COORDINATING_WORKING_DAYS),
                VAR_COORDINATING_WORKING_DAYS);
        Object perUnit = execution.getVariable(VAR_COORDINATING_DEADLINES);
        SpinJsonNode deadlines = perUnit instanceof SpinJsonNode node ? node
                : perUnit == null ? null : org.camunda.spin.Spin.JSON(perUnit.toString());
        List<DirectivePlan.Coordination> coordinating = new ArrayList<>();
        for (String unit : VariableValues.strings(execution.getVariable(VAR_COORDINATING_UNITS))) {
            Integer days = commonDays;
            java.time.LocalDate date = null;
            if (deadlines != null && deadlines.hasProp(unit)) {
                SpinJsonNode own = deadlines.prop(unit);
                days = own.hasProp("workingDays") && !own.prop("workingDays").isNull()
                        ? VariableValues.integer(own.prop("workingDays").value(), "workingDays") : null;
                date = own.hasProp("date") && !own.prop("date").isNull()
                        ? VariableValues.date(own.prop("date").stringValue(), "date") : null;
            }
            coordinating.add(new DirectivePlan.Coordination(unit, days, date));
        }
        return new DirectivePlan(assignedBy, VariableValues.text(execution.getVariable(VAR_LEAD_UNIT)),
                VariableValues.integer(execution.getVariable(VAR_DEADLINE_WORKING_DAYS), VAR_DEADLINE_WORKING_DAYS),
                VariableValues.date(execution.getVariable(VAR_DEADLINE_DATE), VAR_DEADLINE_DATE), coordinating,
                VariableValues.strings(execution.getVariable(VAR_INFORMED_UNITS)),
                VariableValues.text(execution.getVariable(VAR_ASSIGNMENT_NOTE)));
    }

    private static Object unitOptions(OrganisationDirectory directory) {
        return FormOptions.variable(directory.units(Optional.empty()).stream()
                .map(unit -> new FormOptions.Option(unit.name(), unit.code())).toList());
    }
}
