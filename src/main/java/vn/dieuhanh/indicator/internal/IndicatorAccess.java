package vn.dieuhanh.indicator.internal;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Role;
import vn.dieuhanh.platform.Forbidden;
import vn.dieuhanh.platform.Roles;

/**
 * Who may do what with explanation requests: City PC leaders ({@code role-leader}), process analysts
 * ({@code role-analyst}) and administrators ({@code camunda-admin}) ask and see every request; other officials see
 * their own unit's requests.
 */
@Component
class IndicatorAccess {

    record Caller(String userId, boolean privileged, Optional<String> unitCode) {
    }

    private final IdentityService identity;
    private final OrganisationDirectory directory;

    IndicatorAccess(IdentityService identity, OrganisationDirectory directory) {
        this.identity = identity;
        this.directory = directory;
    }

    Caller caller() {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            throw new Forbidden("Chưa đăng nhập (not authenticated)");
        }
        List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        Optional<Official> official = directory.official(authentication.getUserId());
        boolean privileged = groups.contains(Roles.ADMIN) || groups.contains(Roles.LEADER)
                || groups.contains(Roles.ANALYST)
                || official.map(o -> o.role() == Role.LEADER || o.role() == Role.ANALYST).orElse(false);
        return new Caller(authentication.getUserId(), privileged, official.map(Official::unitCode));
    }
}
