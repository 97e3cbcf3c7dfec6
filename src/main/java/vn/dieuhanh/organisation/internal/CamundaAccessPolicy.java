package vn.dieuhanh.organisation.internal;

import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.dieuhanh.organisation.Role;
import vn.dieuhanh.platform.AuthorizationGrants;
import vn.dieuhanh.platform.Roles;

/**
 * What each role may do in Camunda, granted to the role groups (admins, group {@code camunda-admin}, get everything
 * from the engine's admin-user set-up). Task visibility itself is not granted here: the engine grants a task to its
 * assignee and candidate groups, which is what keeps a ward's work invisible to other wards.
 * <p>
 * Models reach production by release (the repository's {@code processes/}, deployed at start): analysts read
 * deployments but create or delete them only where {@code dieuhanh.security.analysts-may-deploy} is true (the demo
 * profile). Switching it off also takes the permissions back from a database that had them.
 */
@Component
class CamundaAccessPolicy {

    static final String ALL = "*";
    static final String TASKLIST = "tasklist";
    static final String COCKPIT = "cockpit";
    static final String MY_WORK_FILTER = "Việc của tôi và đơn vị";

    private final AuthorizationGrants grants;
    private final FilterService filterService;
    private final TaskService taskService;
    private final boolean analystsMayDeploy;

    CamundaAccessPolicy(AuthorizationGrants grants, FilterService filterService, TaskService taskService,
                        @Value("${dieuhanh.security.analysts-may-deploy:false}") boolean analystsMayDeploy) {
        this.grants = grants;
        this.filterService = filterService;
        this.taskService = taskService;
        this.analystsMayDeploy = analystsMayDeploy;
    }

    void apply() {
        String myWorkFilterId = ensureMyWorkFilter();
        for (Role role : Role.values()) {
            String group = role.groupId();
            grant(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
            grant(group, Resources.FILTER, myWorkFilterId, Permissions.READ);
        }
        String leaders = Roles.LEADER;
        grant(leaders, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
        grant(leaders, Resources.PROCESS_DEFINITION, ALL, Permissions.READ, Permissions.READ_INSTANCE,
                Permissions.READ_HISTORY);
        grant(leaders, Resources.PROCESS_INSTANCE, ALL, Permissions.READ);

        String analysts = Roles.ANALYST;
        grant(analysts, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
        grant(analysts, Resources.DEPLOYMENT, ALL, Permissions.READ);
        if (analystsMayDeploy) {
            grant(analysts, Resources.DEPLOYMENT, ALL, Permissions.CREATE, Permissions.DELETE);
        } else {
            grants.revoke(analysts, Resources.DEPLOYMENT, ALL, Permissions.CREATE, Permissions.DELETE);
        }
        grant(analysts, Resources.PROCESS_DEFINITION, ALL, Permissions.READ, Permissions.UPDATE);
        // history is business content: analysts get process-level figures from /api/process-statistics instead
        grants.revoke(analysts, Resources.PROCESS_DEFINITION, ALL, Permissions.READ_HISTORY);
        grant(analysts, Resources.DECISION_DEFINITION, ALL, Permissions.READ, Permissions.READ_HISTORY);
        grant(analysts, Resources.DECISION_REQUIREMENTS_DEFINITION, ALL, Permissions.READ);
    }

    /** The shared Tasklist filter: an empty query, so each official sees exactly the tasks the engine lets them read. */
    private String ensureMyWorkFilter() {
        Filter filter = filterService.createFilterQuery().filterName(MY_WORK_FILTER).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(MY_WORK_FILTER)
                    .setOwner("admin")
                    .setQuery(taskService.createTaskQuery())
                    .setProperties(Map.of(
                            "description", "Việc được giao cho tôi và cho đơn vị, phòng ban của tôi",
                            "priority", -10,
                            "refresh", true));
            filterService.saveFilter(filter);
        }
        return filter.getId();
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        grants.grant(groupId, resource, resourceId, permissions);
    }
}
