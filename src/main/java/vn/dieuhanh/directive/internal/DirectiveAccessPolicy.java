package vn.dieuhanh.directive.internal;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import vn.dieuhanh.directive.DirectiveHandlingProcess;
import vn.dieuhanh.platform.AuthorizationGrants;
import vn.dieuhanh.platform.Roles;

/** The City PC Office registers directives; City PC leaders may too. */
@Component
class DirectiveAccessPolicy implements SmartInitializingSingleton {

    private final AuthorizationGrants grants;

    DirectiveAccessPolicy(AuthorizationGrants grants) {
        this.grants = grants;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String group : new String[] {Roles.CITY_OFFICE, Roles.LEADER}) {
            grants.grant(group, Resources.PROCESS_DEFINITION, DirectiveHandlingProcess.KEY,
                    Permissions.READ, Permissions.CREATE_INSTANCE);
            grants.grant(group, Resources.PROCESS_INSTANCE, AuthorizationGrants.ANY, Permissions.CREATE);
        }
    }
}
