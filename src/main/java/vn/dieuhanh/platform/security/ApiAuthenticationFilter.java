package vn.dieuhanh.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.dieuhanh.platform.Roles;
import vn.dieuhanh.platform.sso.BearerAuthentication;

/**
 * HTTP Basic authentication of the application's own endpoints against Camunda's identity service, the same accounts
 * and lock-out policy as {@code /engine-rest}; or, with single sign-on on, the official of a bearer token verified in
 * front ({@link BearerAuthentication}, docs/sso.md). The authenticated user, groups and tenants are set on the engine for the
 * request, so engine calls made on its behalf are checked by Camunda's authorizations.
 *
 * <p>Paths in {@link #adminOnlyPrefixes} also require membership of {@code camunda-admin}. Every decision is made on
 * the normalised path ({@link RequestPaths}); failed logins are throttled where the password is checked
 * ({@link ThrottledIdentityProvider}), and a locked account or address is answered by {@link LoginThrottleFilter}.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

    static final String REALM = "Dieu Hanh";

    private final IdentityService identityService;
    private final Set<String> openPaths;
    private final List<String> adminOnlyPrefixes;

    /** Paths open one segment below these prefixes (the citizens' dossier lookup: {@code <prefix>/<code>}). */
    private final List<String> openParents;

    public ApiAuthenticationFilter(IdentityService identityService, Set<String> openPaths,
                                   List<String> adminOnlyPrefixes) {
        this(identityService, openPaths, List.of(), adminOnlyPrefixes);
    }

    public ApiAuthenticationFilter(IdentityService identityService, Set<String> openPaths, List<String> openParents,
                                   List<String> adminOnlyPrefixes) {
        this.identityService = identityService;
        this.openPaths = openPaths;
        this.openParents = openParents;
        this.adminOnlyPrefixes = adminOnlyPrefixes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = RequestPaths.normalised(request);
        if (openPaths.contains(path)) {
            return true;
        }
        for (String parent : openParents) {
            String child = path.startsWith(parent + "/") ? path.substring(parent.length() + 1) : null;
            if (child != null && !child.isEmpty() && child.indexOf('/') < 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        BearerAuthentication bearer = BearerAuthentication.of(request);
        String userId;
        List<String> groups;
        if (bearer != null) {
            // a bearer token of the single sign-on provider, verified by the BearerTokenFilter in front
            userId = bearer.userId();
            groups = bearer.groupIds();
        } else {
            String[] credentials = basicCredentials(request.getHeader(HttpHeaders.AUTHORIZATION));
            if (credentials == null || !identityService.checkPassword(credentials[0], credentials[1])) {
                // the same answer for an unknown user, a wrong password and a throttled attempt that raced the filter
                reject(response, HttpServletResponse.SC_UNAUTHORIZED,
                        "Cần đăng nhập: tên đăng nhập hoặc mật khẩu không đúng (authentication required, HTTP Basic)");
                return;
            }
            userId = credentials[0];
            groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                    .map(Group::getId).toList();
        }
        if (isAdminOnly(request) && !groups.contains(Roles.ADMIN)) {
            reject(response, HttpServletResponse.SC_FORBIDDEN,
                    "Chỉ quản trị viên được dùng địa chỉ này (only administrators may use this endpoint)");
            return;
        }
        List<String> tenants = bearer != null ? bearer.tenantIds()
                : identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
                .list().stream().map(Tenant::getId).toList();
        identityService.setAuthentication(userId, groups, tenants);
        MDC.put("user", userId);
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
            MDC.remove("user");
        }
    }

    private boolean isAdminOnly(HttpServletRequest request) {
        String path = RequestPaths.normalised(request);
        return adminOnlyPrefixes.stream().anyMatch(prefix -> RequestPaths.isAtOrBelow(path, prefix));
    }

    /** Returns {user, password}, or null when the header is absent or not well-formed Basic credentials. */
    static String[] basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    private static void reject(HttpServletResponse response, int status, String detail) throws IOException {
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        }
        Problems.write(response, status, detail);
    }
}
