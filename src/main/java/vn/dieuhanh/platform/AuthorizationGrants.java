package vn.dieuhanh.platform;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.stereotype.Component;

/** Idempotent Camunda grants: adds the missing permissions to a group's grant on a resource, or creates it. */
@Component
public class AuthorizationGrants {

    public static final String ANY = "*";

    private final AuthorizationService authorizationService;

    public AuthorizationGrants(AuthorizationService authorizationService) {
        this.authorizationService = authorizationService;
    }

    public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
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

    /** Removes permissions from a group's grant on a resource (a policy that became stricter); idempotent. */
    public void revoke(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
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
}
