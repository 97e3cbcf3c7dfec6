package vn.dieuhanh.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one URL rule of every access decision: decide on the path the servlet container routed the request by, and
 * refuse raw URLs whose meaning depends on who decodes them.
 *
 * <p><b>Normalised path</b> = {@code servletPath + pathInfo}. Tomcat computes it once for the whole request: percent
 * decoded once, {@code ;params} removed, {@code //} collapsed, {@code .} and {@code ..} resolved. It is the same path
 * Tomcat used to pick the filters and the servlet, so a decision made on it is a decision about the resource that
 * will answer. The raw {@code getRequestURI()} is never used for a decision.
 *
 * <p><b>Ambiguous raw paths</b> are refused with 400 before any filter decides (see {@link #ambiguity(String)}):
 * path parameters ({@code ;}), encoded {@code / \ . ; %} and NUL, and a raw backslash. Spring MVC and Jersey match
 * on the raw path segment by segment, Tomcat on the decoded whole; with these sequences refused, whatever they match
 * is exactly what the normalised path names, or nothing (404).
 */
final class RequestPaths {

    private static final List<String> AMBIGUOUS = List.of(";", "\\", "%2f", "%5c", "%2e", "%3b", "%25", "%00");

    private RequestPaths() {
    }

    /** The container's decoded, normalised path within the application, e.g. {@code /actuator/prometheus}. */
    static String normalised(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }

    /** Whether {@code path} (normalised) is {@code prefix} or below it, ignoring case, e.g. {@code /Actuator/X}. */
    static boolean isAtOrBelow(String path, String prefix) {
        String lower = path.toLowerCase(Locale.ROOT);
        String base = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return lower.equals(base) || lower.startsWith(base + "/");
    }

    /**
     * Why the raw request URI (path only, without query) is ambiguous, or empty when it is not. Path parameters
     * ({@code ;}) also carry {@code ;jsessionid}, which this application never puts in URLs (cookies only).
     */
    static Optional<String> ambiguity(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        for (String sequence : AMBIGUOUS) {
            if (lower.contains(sequence)) {
                return Optional.of(sequence);
            }
        }
        return Optional.empty();
    }
}
