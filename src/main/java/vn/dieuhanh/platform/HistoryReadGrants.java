package vn.dieuhanh.platform;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * History is data: with the engine's historic instance permissions on, the history of a process instance (its
 * variables, details, activities) is readable only by those granted it. Each capability grants it, when a record is
 * bound to its instance, to exactly the people and groups who may read that record through the application
 * (City PC leaders and administrators read all history through their definition-wide rights). Tasks' history is
 * granted by the engine itself to each task's assignee and candidates.
 */
@Component
public class HistoryReadGrants {

    private final AuthorizationService authorizationService;
    private final IdentityService identityService;

    public HistoryReadGrants(AuthorizationService authorizationService, IdentityService identityService) {
        this.authorizationService = authorizationService;
        this.identityService = identityService;
    }

    public void grant(String processInstanceId, Collection<String> groupIds, Collection<String> userIds) {
        EngineAsSystem.run(identityService, () -> {
            for (String group : new LinkedHashSet<>(groupIds)) {
                if (group != null) {
                    save(processInstanceId, group, null);
                }
            }
            for (String user : new LinkedHashSet<>(userIds)) {
                if (user != null && !"system".equals(user)) {
                    save(processInstanceId, null, user);
                }
            }
        });
    }

    private void save(String processInstanceId, String groupId, String userId) {
        boolean exists = (groupId != null
                ? authorizationService.createAuthorizationQuery().groupIdIn(groupId)
                : authorizationService.createAuthorizationQuery().userIdIn(userId))
                .resourceType(Resources.HISTORIC_PROCESS_INSTANCE).resourceId(processInstanceId).count() > 0;
        if (exists) {
            return;
        }
        Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setResource(Resources.HISTORIC_PROCESS_INSTANCE);
        authorization.setResourceId(processInstanceId);
        if (groupId != null) {
            authorization.setGroupId(groupId);
        } else {
            authorization.setUserId(Objects.requireNonNull(userId));
        }
        authorization.addPermission(HistoricProcessInstancePermissions.READ);
        authorizationService.saveAuthorization(authorization);
    }
}
