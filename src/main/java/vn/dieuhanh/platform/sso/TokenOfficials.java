package vn.dieuhanh.platform.sso;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import vn.dieuhanh.platform.LoginRecorder;

/**
 * Maps a verified token to one of our officials. Identity from the login: the user id is the configured claim
 * ({@code preferred_username}). Everything else from our tables: the account must exist in the engine's identity
 * tables (an unknown user is refused, never created), and its groups and tenants are ours. When a groups claim is
 * configured the groups are cross-checked: a login acts only with our groups that the claim also lists, so the city's
 * provider can withdraw a role at once (e.g. on leaving) but never grant one we have not.
 */
class TokenOfficials {

    private final IdentityService identityService;
    private final SsoProperties properties;
    private final LoginRecorder logins;

    TokenOfficials(IdentityService identityService, SsoProperties properties, LoginRecorder logins) {
        this.identityService = identityService;
        this.properties = properties;
        this.logins = logins;
    }

    /** The official of these claims, or {@link UnknownOfficial}. */
    Official official(JWTClaimsSet claims) {
        String userId = stringClaim(claims, properties.usernameClaim());
        if (userId == null || userId.isBlank() || userId.length() > 150) {
            throw new UnknownOfficial(userId);
        }
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            throw new UnknownOfficial(userId);
        }
        if (logins != null && logins.isDeactivated(userId)) {
            throw new DeactivatedOfficial(userId);
        }
        List<String> ours = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        List<String> groups = ours;
        if (properties.groupsClaim() != null) {
            Set<String> claimed = listClaim(claims, properties.groupsClaim());
            groups = ours.stream().filter(claimed::contains).toList();
        }
        List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
                .list().stream().map(Tenant::getId).toList();
        if (logins != null) {
            logins.loggedIn(userId, "oidc");
        }
        return new Official(userId, groups, tenants);
    }

    record Official(String userId, List<String> groupIds, List<String> tenantIds) {
    }

    /** A valid login of someone without an account here. */
    static class UnknownOfficial extends RuntimeException {
        final String userId;

        UnknownOfficial(String userId) {
            this(userId, "No account for " + userId);
        }

        UnknownOfficial(String userId, String message) {
            super(message);
            this.userId = userId;
        }

        String refusal() {
            return "Tài khoản đăng nhập một cửa này chưa được cấp quyền dùng Điều Hành, vui lòng liên hệ quản trị viên "
                    + "(no Điều Hành account for this single sign-on user)";
        }
    }

    /** A valid login of an official who left (docs/accounts.md): the account keeps its history but lets no one in. */
    static final class DeactivatedOfficial extends UnknownOfficial {
        DeactivatedOfficial(String userId) {
            super(userId, "Deactivated account " + userId);
        }

        @Override
        String refusal() {
            return "Tài khoản này đã ngừng hoạt động, vui lòng liên hệ quản trị viên (account deactivated)";
        }
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String text ? text.strip() : null;
    }

    /** A claim as a set of strings: a JSON array, a space-separated string, or absent (empty). Also reads a dotted
     *  path into an object ({@code realm_access.roles}). */
    static Set<String> listClaim(JWTClaimsSet claims, String name) {
        Object value;
        try {
            value = claims.getJSONObjectClaim(name) == null ? claims.getClaim(name) : null;
        } catch (ParseException e) {
            value = claims.getClaim(name);
        }
        if (value == null && name.contains(".")) {
            Object node = claims.getClaims();
            for (String part : name.split("\\.")) {
                node = node instanceof java.util.Map<?, ?> map ? map.get(part) : null;
            }
            value = node;
        }
        if (value instanceof Collection<?> values) {
            return values.stream().filter(String.class::isInstance).map(String.class::cast)
                    .map(group -> group.startsWith("/") ? group.substring(1) : group).collect(Collectors.toSet());
        }
        if (value instanceof String text) {
            return Set.of(text.strip().split("\\s+"));
        }
        return Set.of();
    }
}
