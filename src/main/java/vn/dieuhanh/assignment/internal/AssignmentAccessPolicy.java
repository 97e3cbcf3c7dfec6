package vn.dieuhanh.assignment.internal;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import vn.dieuhanh.assignment.InstantAssignmentProcess;
import vn.dieuhanh.organisation.Role;
import vn.dieuhanh.platform.AuthorizationGrants;

/** City leaders and unit heads may assign tasks instantly, from Tasklist's "Start process" or through REST. */
@Component
class AssignmentAccessPolicy implements SmartInitializingSingleton {

    private final AuthorizationGrants grants;

    AssignmentAccessPolicy(AuthorizationGrants grants) {
        this.grants = grants;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (Role role : new Role[] {Role.LEADER, Role.HEAD}) {
            grants.grant(role.groupId(), Resources.PROCESS_DEFINITION, InstantAssignmentProcess.KEY,
                    Permissions.READ, Permissions.CREATE_INSTANCE);
            grants.grant(role.groupId(), Resources.PROCESS_INSTANCE, AuthorizationGrants.ANY, Permissions.CREATE);
        }
    }
}
