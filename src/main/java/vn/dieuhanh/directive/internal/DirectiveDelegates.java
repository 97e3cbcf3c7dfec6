package vn.dieuhanh.directive.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.camunda.bpm.engine.delegate.TaskListener;
import vn.dieuhanh.assignment.FormOptions;
import vn.dieuhanh.assignment.Urgency;
import vn.dieuhanh.assignment.WorkSource;
import vn.dieuhanh.calendar.VietnameseDates;
import vn.dieuhanh.directive.DirectiveHandlingProcess;
import vn.dieuhanh.organisation.Unit;
import vn.dieuhanh.platform.TaskTexts;
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
            DirectiveVariables vars = DirectiveVariables.of(execution);
            String id = directives.register(vars.registration(Optional.ofNullable(loggedIn(execution))
                    .orElse("system")), execution.getProcessInstanceId());
            // directives are read by every official through the API; the instance's history by the Office and the
            // clerk who registered it (City PC leaders read all history)
            history.grant(execution.getProcessInstanceId(), List.of(Roles.CITY_OFFICE),
                    Optional.ofNullable(loggedIn(execution)).stream().toList());
            vars.registered(id, unitOptions(directory));
            // Cockpit finds the directive by its number; the key comes from the record, whatever the start said
            DirectiveRepository.DirectiveRecord record = directives.find(id);
            execution.setProcessBusinessKey(record.documentNumber());
            execution.setVariable(DirectiveHandlingProcess.VAR_DOCUMENT_NUMBER, record.documentNumber());
        };
    }

    /**
     * Names the directive's own tasks and the acknowledgements of informed units after the directive, from its record
     * (the acknowledgement finds it through the calling instance): "Phân công: Về chỉnh trang vỉa hè (512/UBND-ĐT)",
     * with source, dates, urgency and deadline in the description. The model's name stays the analysts' label; an
     * acknowledgement started on its own keeps it.
     */
    @Bean
    TaskListener nameDirectiveTask(DirectiveRepository repository, OrganisationDirectory directory) {
        return task -> {
            DelegateExecution execution = task.getExecution();
            boolean acknowledgement = DocumentAcknowledgementProcess.TASK_ACKNOWLEDGE_DOCUMENT
                    .equals(task.getTaskDefinitionKey());
            String directiveInstance = !acknowledgement ? task.getProcessInstanceId()
                    : execution.getProcessInstance().getSuperExecution() == null ? null
                    : execution.getProcessInstance().getSuperExecution().getProcessInstanceId();
            Optional<DirectiveRepository.DirectiveRecord> found = directiveInstance == null ? Optional.empty()
                    : repository.findByProcessInstance(directiveInstance);
            if (found.isEmpty()) {
                return;
            }
            DirectiveRepository.DirectiveRecord directive = found.get();
            String verb = switch (task.getTaskDefinitionKey()) {
                case DirectiveHandlingProcess.TASK_ASSIGN_DIRECTIVE -> "Phân công";
                case DirectiveHandlingProcess.TASK_CONFIRM_ASSIGNMENT -> "Xác nhận phân công";
                case DirectiveHandlingProcess.TASK_DECIDE_ON_OPEN_WORK -> "Kết thúc chỉ đạo";
                default -> "Xác nhận đã nhận";
            };
            String recipient = acknowledgement && task.getVariable(DocumentAcknowledgementProcess.VAR_RECIPIENT_UNIT)
                    instanceof String unit ? directory.unit(unit).map(Unit::name).orElse(unit) : null;
            task.setName(TaskTexts.name(verb, directive.summary(), directive.documentNumber()));
            task.setDescription(TaskTexts.description(
                    "Đơn vị nhận để biết", recipient,
                    "Số, ký hiệu", directive.documentNumber(),
                    "Nguồn", WorkSource.valueOf(directive.source()).label(),
                    "Ban hành ngày", date(directive.issuedOn()),
                    "Vào sổ ngày", date(directive.receivedOn()),
                    "Độ khẩn", directive.urgency() == null ? null : Urgency.valueOf(directive.urgency()).label(),
                    "Hạn đơn vị chủ trì", directive.deadline() == null ? null
                            : VietnameseDates.deadline(directive.deadline())));
        };
    }

    private static String date(java.time.LocalDate date) {
        return date == null ? null : date.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    /**
     * After the leader's form: the plan is checked completely and each unit's deadline computed in working days,
     * written as text for the confirmation task, which goes to the leader who filled the form (the login).
     */
    @Bean
    JavaDelegate computeDirectiveDeadlines(DirectiveService directives) {
        return execution -> {
            requireLeader(execution);
            DirectiveVariables vars = DirectiveVariables.of(execution);
            String leader = Optional.ofNullable(loggedIn(execution)).orElseGet(vars::lastActor);
            vars.deadlinesComputed(directives.preview(vars.plan(leader)), leader);
        };
    }

    private static boolean isAdministrator(DelegateExecution execution) {
        Authentication login = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return login != null && Roles.isAdministrator(login.getGroupIds());
    }

    private static void requireLeader(DelegateExecution execution) {
        Authentication login = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (login != null && !Roles.isAdministrator(login.getGroupIds())
                && (login.getGroupIds() == null || !login.getGroupIds().contains(Roles.LEADER))) {
            throw new AuthorizationException("Chỉ lãnh đạo UBND Thành phố phân công xử lý văn bản chỉ đạo (only City "
                    + "People's Committee leaders assign directives)");
        }
    }

    @Bean
    JavaDelegate planDirectiveAssignments(DirectiveService directives) {
        return execution -> {
            requireLeader(execution);
            DirectiveVariables vars = DirectiveVariables.of(execution);
            vars.requireConfirmedBy(loggedIn(execution), isAdministrator(execution));
            // the assigner is the leader logged in (the start or the assigning task runs in their transaction), or,
            // for a plan the application runs as the system, the initiator the engine recorded
            String assignedBy = Optional.ofNullable(loggedIn(execution)).orElseGet(vars::registeredBy);
            vars.planned(directives.plan(directives.ofProcessInstance(execution.getProcessInstanceId()),
                    vars.plan(assignedBy)));
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
            DirectiveVariables.of(execution).openWork(!open.isEmpty(),
                    open.isEmpty() ? null : directives.describe(open), open.assignedBy());
        };
    }

    /** The assigner's choice on the open work; the decider is checked against the directive's record. */
    @Bean
    JavaDelegate recordCloseDecision(DirectiveService directives) {
        return execution -> {
            DirectiveVariables vars = DirectiveVariables.of(execution);
            String actor = Optional.ofNullable(loggedIn(execution)).orElseGet(vars::lastActor);
            String decision = vars.closeDecision();
            directives.decideOnOpenWork(directives.ofProcessInstance(execution.getProcessInstanceId()), actor,
                    decision, vars.closeReason());
            vars.setCloseDecision(decision);
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

    private static Object unitOptions(OrganisationDirectory directory) {
        return FormOptions.variable(directory.units(Optional.empty()).stream()
                .map(unit -> new FormOptions.Option(unit.name(), unit.code())).toList());
    }
}
