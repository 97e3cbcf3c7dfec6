package vn.dieuhanh.notification.internal;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import vn.dieuhanh.organisation.Role;
import vn.dieuhanh.platform.Administrators;

/** The authenticated official of a request (set on the engine by the platform's API filter). */
record Caller(String userId, List<String> groupIds) {

    static final String ADMIN_GROUP = Administrators.GROUP;

    static Caller of(IdentityService identityService) {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            throw new IllegalStateException("No authenticated caller");
        }
        return new Caller(authentication.getUserId(),
                authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds());
    }

    boolean isAdmin() {
        return groupIds.contains(ADMIN_GROUP);
    }

    boolean isCityLeader() {
        return groupIds.contains(Role.LEADER.groupId());
    }
}
