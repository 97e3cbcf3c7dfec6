package vn.dieuhanh.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.dieuhanh.platform.LoginRecorder;

/**
 * Ends the sessions of an official who left: the login doors refuse a deactivated account
 * ({@link LoginRecorder#isDeactivated}), and this filter invalidates a session opened before the deactivation — the web
 * app's and the Camunda webapps' alike, they share the session's {@link Authentications} — so the request goes on as
 * a signed-out one (the login page, or Camunda's 401). Each node asks the directory at most once per
 * {@link #RECHECK} per account, so a leaver's open session ends within that delay.
 */
class DeactivatedSessionFilter extends OncePerRequestFilter {

    static final Duration RECHECK = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(DeactivatedSessionFilter.class);

    private final Supplier<LoginRecorder> logins;
    private final Clock clock;
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();

    DeactivatedSessionFilter(Supplier<LoginRecorder> logins, Clock clock) {
        this.logins = logins;
        this.clock = clock;
    }

    private record Checked(boolean deactivated, Instant at) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        LoginRecorder recorder = logins.get();
        if (session != null && recorder != null) {
            Authentications authentications = sessionAuthentications(session);
            if (authentications != null) {
                for (Authentication authentication : authentications.getAuthentications()) {
                    String userId = authentication.getIdentityId();
                    if (userId != null && deactivated(recorder, userId)) {
                        log.info("Session of the deactivated account {} ended", userId);
                        session.invalidate();
                        break;
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static Authentications sessionAuthentications(HttpSession session) {
        try {
            return AuthenticationUtil.getAuthsFromSession(session);
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    private boolean deactivated(LoginRecorder recorder, String userId) {
        Instant now = clock.instant();
        Checked known = checked.get(userId);
        if (known != null && known.at().plus(RECHECK).isAfter(now) && !known.at().isAfter(now)) {
            return known.deactivated();
        }
        if (checked.size() > 100_000) {
            checked.clear();
        }
        boolean deactivated = recorder.isDeactivated(userId);
        checked.put(userId, new Checked(deactivated, now));
        return deactivated;
    }
}
