package vn.dieuhanh.platform;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.stereotype.Component;

/**
 * Idempotent Camunda grants: adds the missing permissions to a group's grant on a resource, or creates it; removes
 * permissions a group must no longer have.
 */
@Component
public class AuthorizationGrants {

    public static final String ANY = "*";

    private final AuthorizationService authorizationService;

    public AuthorizationGrants(AuthorizationService authorizationService) {
        this.authorizationService = authorizationService;
    }

    public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = find(groupId, resource, resourceId);
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean missing = false;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                missing = true;
            }
        }
        if (missing) {
            authorizationService.saveAuthorization(authorization);
        }
    }

    /** Takes the permissions out of the group's grant on the resource, if it has them. */
    public void revoke(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = find(groupId, resource, resourceId);
        if (authorization == null) {
            return;
        }
        boolean present = false;
        for (Permission permission : permissions) {
            if (authorization.isPermissionGranted(permission)) {
                authorization.removePermission(permission);
                present = true;
            }
        }
        if (present) {
            authorizationService.saveAuthorization(authorization);
        }
    }

    private Authorization find(String groupId, Resource resource, String resourceId) {
        return authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
    }
}
