package vn.dieuhanh.assignment.internal;

import static vn.dieuhanh.assignment.AssignmentLifecycleProcess.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dieuhanh.assignment.FormOptions;
import vn.dieuhanh.organisation.Division;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Unit;
import vn.dieuhanh.assignment.VariableValues;

@Configuration(proxyBeanMethods = false)
class LifecycleTaskListeners {

    /** Who completed the user task: the authenticated official (Tasklist, REST), else the task's assignee. */
    @Bean
    TaskListener rememberCompleter(IdentityService identityService) {
        return task -> {
            Authentication authentication = identityService.getCurrentAuthentication();
            String actor = authentication != null ? authentication.getUserId() : task.getAssignee();
            new LifecycleVariables(task).setLastActor(actor == null ? "system" : actor);
        };
    }

    /**
     * Names the task after the assignment it is about, from the assignment's record (never from variables a user can
     * write): "Xử lý: Về chỉnh trang vỉa hè (512/UBND-ĐT)", with the unit, its role, the source and the deadline in
     * the description. The model's name ("Xử lý nhiệm vụ") stays the analysts' label.
     */
    @Bean
    TaskListener nameAssignmentTask(AssignmentService assignments, OrganisationDirectory directory) {
        return task -> {
            AssignmentRecord assignment = assignments.ofProcessInstance(task.getProcessInstanceId());
            AssignmentTaskTexts texts = new AssignmentTaskTexts(assignment,
                    directory.unit(assignment.unitCode()).map(Unit::name).orElse(assignment.unitCode()));
            String proposed = TASK_REVIEW_EXTENSION.equals(task.getTaskDefinitionKey())
                    ? VariableValues.text(task.getVariable(VAR_PROPOSED_DEADLINE_TEXT)) : null;
            task.setName(texts.name(task.getTaskDefinitionKey()));
            task.setDescription(texts.description(proposed));
        };
    }

    /** The handling form's picker: the unit's divisions and officials. */
    @Bean
    TaskListener offerDelegationOptions(OrganisationDirectory directory) {
        return task -> {
            LifecycleVariables vars = new LifecycleVariables(task);
            String unitCode = vars.text(VAR_UNIT_CODE);
            List<FormOptions.Option> options = new ArrayList<>();
            for (Division division : directory.divisions(unitCode)) {
                options.add(new FormOptions.Option(division.name(), division.code()));
            }
            for (Official official : directory.officials(unitCode)) {
                options.add(new FormOptions.Option(official.fullName() + " (" + official.role().label() + ")",
                        official.userId()));
            }
            vars.setDelegationOptions(FormOptions.variable(options));
        };
    }
}
