package vn.dieuhanh.notification.internal;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import vn.dieuhanh.platform.Roles;

/** The authenticated official of a request (set on the engine by the platform's API filter). */
record Caller(String userId, List<String> groupIds) {

    static Caller of(IdentityService identityService) {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            throw new IllegalStateException("No authenticated caller");
        }
        return new Caller(authentication.getUserId(),
                authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds());
    }

    boolean isAdmin() {
        return groupIds.contains(Roles.ADMIN);
    }

    boolean isCityLeader() {
        return groupIds.contains(Roles.LEADER);
    }
}
