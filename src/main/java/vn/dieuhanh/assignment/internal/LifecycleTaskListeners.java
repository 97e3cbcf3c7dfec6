package vn.dieuhanh.assignment.internal;

import static vn.dieuhanh.assignment.AssignmentLifecycleProcess.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.dieuhanh.organisation.Division;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;

@Configuration(proxyBeanMethods = false)
class LifecycleTaskListeners {

    /** Who completed the user task: the authenticated official (Tasklist, REST), else the task's assignee. */
    @Bean
    TaskListener rememberCompleter(IdentityService identityService) {
        return task -> {
            Authentication authentication = identityService.getCurrentAuthentication();
            String actor = authentication != null ? authentication.getUserId() : task.getAssignee();
            task.setVariable(VAR_LAST_ACTOR, actor == null ? "system" : actor);
        };
    }

    /** The handling form's picker: the unit's divisions and officials, as {@code [{label, value}]} JSON. */
    @Bean
    TaskListener offerDelegationOptions(OrganisationDirectory directory, ObjectMapper json) {
        return task -> {
            String unitCode = (String) task.getVariable(VAR_UNIT_CODE);
            List<Map<String, String>> options = new ArrayList<>();
            for (Division division : directory.divisions(unitCode)) {
                options.add(option(division.name(), division.code()));
            }
            for (Official official : directory.officials(unitCode)) {
                options.add(option(official.fullName() + " (" + official.role().label() + ")", official.userId()));
            }
            try {
                task.setVariable(VAR_DELEGATION_OPTIONS,
                        SpinValues.jsonValue(json.writeValueAsString(options)).create());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static Map<String, String> option(String label, String value) {
        Map<String, String> option = new LinkedHashMap<>();
        option.put("label", label);
        option.put("value", value);
        return option;
    }
}
