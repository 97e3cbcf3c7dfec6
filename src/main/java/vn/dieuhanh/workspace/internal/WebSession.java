package vn.dieuhanh.workspace.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * The web app's login lives in the HTTP session as Camunda's webapp authentication ({@link Authentications}), the same
 * record Tasklist and Cockpit keep: one login for both, and logging out of either ends both. Beside it the session holds
 * the web app's CSRF token.
 */
final class WebSession {

    static final String CSRF_ATTRIBUTE = "dieuhanh.workspace.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebSession() {
    }

    /** The login of this session for the engine, or null. */
    static UserAuthentication login(HttpSession session, ProcessEngine engine) {
        if (session == null) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        Authentication authentication = authentications == null ? null
                : authentications.getAuthenticationForProcessEngine(engine.getName());
        return authentication instanceof UserAuthentication user ? user : null;
    }

    /**
     * Signs {@code userId} in: a new session id (session fixation), a fresh CSRF token, and the webapps'
     * authentication, so Tasklist knows him too.
     */
    static void signIn(HttpServletRequest request, ProcessEngine engine, String userId) {
        UserAuthentication authentication = AuthenticationUtil.createAuthentication(engine, userId);
        if (authentication == null) {
            throw new IllegalStateException("No such user " + userId);
        }
        signIn(request, engine, authentication);
    }

    /**
     * Signs {@code userId} in with the given groups and tenants (single sign-on: ours, cross-checked with the
     * provider's claim), otherwise like {@link #signIn(HttpServletRequest, ProcessEngine, String)}.
     */
    static void signIn(HttpServletRequest request, ProcessEngine engine, String userId, List<String> groupIds,
                       List<String> tenantIds) {
        UserAuthentication authentication = AuthenticationUtil.createAuthentication(engine, userId, groupIds,
                tenantIds);
        if (authentication == null) {
            throw new IllegalStateException("No such user " + userId);
        }
        signIn(request, engine, authentication);
    }

    private static void signIn(HttpServletRequest request, ProcessEngine engine, UserAuthentication authentication) {
        HttpSession session = request.getSession(false);
        if (session != null && login(session, engine) != null) {
            session.invalidate(); // another login was in this session: start from nothing
            session = null;
        }
        if (session == null) {
            session = request.getSession(true);
        } else {
            request.changeSessionId();
        }
        Authentications authentications = new Authentications();
        authentications.addOrReplace(authentication);
        AuthenticationUtil.updateSession(session, authentications);
        session.setAttribute(CSRF_ATTRIBUTE, newToken());
    }

    /** The session's CSRF token, made (with the session) when there is none yet. */
    static String csrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        Object token = session.getAttribute(CSRF_ATTRIBUTE);
        if (token instanceof String value) {
            return value;
        }
        String value = newToken();
        session.setAttribute(CSRF_ATTRIBUTE, value);
        return value;
    }

    /** The session's CSRF token, or null when there is no session or no token. */
    static String existingCsrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(CSRF_ATTRIBUTE);
    }

    static List<String> groups(UserAuthentication login) {
        return login.getGroupIds() == null ? List.of() : login.getGroupIds();
    }

    static List<String> tenants(UserAuthentication login) {
        return login.getTenantIds() == null ? List.of() : login.getTenantIds();
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
