package vn.dieuhanh.workspace.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the web app's pages (everything that is not {@code /api}, {@code /engine-rest}, {@code /camunda}, actuator,
 * the API docs or a webjar: those keep their own filters and are passed through untouched).
 *
 * <ul>
 *   <li>Open: the login page, the shell's static files ({@code /app/**}, {@code /sw.js}) and Spring's error page.</li>
 *   <li>Anything else needs the session login ({@link WebSession}); without it a page is redirected to
 *       {@code /dang-nhap}, an htmx request gets 401 with {@code HX-Redirect}, the event stream 401.</li>
 *   <li>Every request that is not GET/HEAD/OPTIONS must carry the session's CSRF token (form field {@code _csrf} or
 *       header {@code X-CSRF-TOKEN}), the login form included; else 403.</li>
 *   <li>For a signed-in request the login is set on the engine (user, groups, tenants), like HTTP Basic does on
 *       {@code /api}, so services and {@code CurrentOfficial} see him, and cleared afterwards.</li>
 * </ul>
 * Decisions use the container's normalised path; ambiguous raw paths were refused before (platform's
 * AmbiguousPathFilter).
 */
class WorkspaceSecurityFilter extends OncePerRequestFilter {

    static final String CSRF_PARAMETER = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-TOKEN";
    static final String LOGIN = "/dang-nhap";

    /** Paths with their own security, never touched here. */
    static final List<String> NOT_OURS = List.of("/api", "/engine-rest", "/camunda", "/actuator", "/v3/api-docs",
            "/swagger-ui", "/swagger-ui.html", "/webjars", "/error",
            // Tasklist's form helpers: answered with the Camunda webapp login, 403 without it (AssignableOfficialsController)
            "/tasklist-forms");
    /** The web app's paths that need no login; {@code /tra-cuu-ho-so} is the citizens' dossier lookup (status and
     *  dates only, rate limited by the dossier capability). */
    static final List<String> OPEN = List.of(LOGIN, "/app", "/sw.js", "/favicon.ico", "/tra-cuu-ho-so");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final ProcessEngine engine;
    private final IdentityService identityService;

    WorkspaceSecurityFilter(ProcessEngine engine) {
        this.engine = engine;
        this.identityService = engine.getIdentityService();
    }

    static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }

    static boolean isAtOrBelow(String path, String prefix) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.equals(prefix) || lower.startsWith(prefix + "/");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        // also /camunda-welcome and the like, which the webapps' scripts request and expect Spring's answer to
        return path.toLowerCase(Locale.ROOT).startsWith("/camunda")
                || NOT_OURS.stream().anyMatch(prefix -> isAtOrBelow(path, prefix));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = path(request);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                + "script-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; "
                + "form-action 'self'; base-uri 'self'");
        if (!SAFE_METHODS.contains(request.getMethod()) && !csrfTokenMatches(request)) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "Phiên làm việc đã hết hạn hoặc yêu cầu không hợp lệ, "
                    + "vui lòng tải lại trang (CSRF token missing or wrong)");
            return;
        }
        boolean open = OPEN.stream().anyMatch(prefix -> isAtOrBelow(path, prefix));
        UserAuthentication login = WebSession.login(request.getSession(false), engine);
        if (login == null) {
            if (open) {
                chain.doFilter(request, response);
            } else {
                notSignedIn(request, response, path);
            }
            return;
        }
        if (!open) {
            response.setHeader("Cache-Control", "no-store");
        }
        identityService.setAuthentication(login.getIdentityId(), WebSession.groups(login), WebSession.tenants(login));
        MDC.put("user", login.getIdentityId());
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
            MDC.remove("user");
        }
    }

    private static boolean csrfTokenMatches(HttpServletRequest request) {
        String expected = WebSession.existingCsrfToken(request);
        String sent = request.getHeader(CSRF_HEADER);
        if (sent == null) {
            sent = request.getParameter(CSRF_PARAMETER);
        }
        return expected != null && sent != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    private static final String NOT_SIGNED_IN = "Cần đăng nhập (sign-in required)";

    /** A small Vietnamese page (not Spring's English error page), with a way back. */
    static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Điều Hành</title><link rel=\"stylesheet\" href=\"/app/app.css\"></head><body><main class=\"page\">"
                + "<h1>Không thực hiện được</h1><p role=\"alert\">" + message + "</p>"
                + "<p><a href=\"/\">Về trang Việc của tôi</a></p></main></body></html>");
    }

    private static void notSignedIn(HttpServletRequest request, HttpServletResponse response, String path)
            throws IOException {
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", LOGIN);
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, NOT_SIGNED_IN);
        } else if (isAtOrBelow(path, "/su-kien") || !"GET".equals(request.getMethod())) {
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, NOT_SIGNED_IN);
        } else {
            String query = request.getQueryString();
            String target = query == null ? path : path + "?" + query;
            response.sendRedirect(request.getContextPath() + LOGIN
                    + ("/".equals(target) ? "" : "?tiep=" + URLEncoder.encode(target, StandardCharsets.UTF_8)));
        }
    }
}
