package vn.dieuhanh.platform;

import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import vn.dieuhanh.HttpClient;

/** Logs in to a Camunda webapp the way the browser does: fetch the CSRF cookie, then post the login form. */
public final class WebappLogin {

    private WebappLogin() {
    }

    /** The session a successful login opened: its cookies and its CSRF token (both renewed by the login). */
    public record Session(String cookies, String xsrfToken) {

        public HttpResponse<String> postJson(HttpClient http, String path, String json) {
            return http.postWithSession(path, json, cookies, xsrfToken);
        }
    }

    /**
     * Logs in and returns the session: the session cookie set by the login and the CSRF token the webapp hands out for
     * it (Tasklist reads it from the XSRF-TOKEN cookie of a page it loads after the login).
     */
    public static Session session(HttpClient http, String app, String user, String password) {
        HttpResponse<String> login = login(http, app, user, password);
        if (login.statusCode() != 200) {
            throw new IllegalStateException("Login to " + app + " as " + user + " failed: " + login.statusCode());
        }
        String cookies = login.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> !cookie.startsWith("XSRF-TOKEN="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';'))).collect(Collectors.joining("; "));
        HttpResponse<String> page = http.getWithCookies("/camunda/app/" + app + "/default/", cookies);
        String xsrf = java.util.stream.Stream.concat(login.headers().allValues("Set-Cookie").stream(),
                        page.headers().allValues("Set-Cookie").stream())
                .filter(cookie -> cookie.startsWith("XSRF-TOKEN="))
                .map(cookie -> cookie.substring("XSRF-TOKEN=".length(), cookie.indexOf(';')))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException("No CSRF token for the session"));
        return new Session(cookies + "; XSRF-TOKEN=" + xsrf, xsrf);
    }

    public static HttpResponse<String> login(HttpClient http, String app, String user, String password) {
        HttpResponse<String> page = http.get("/camunda/app/" + app + "/default/", null, null);
        String cookies = page.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
                .collect(Collectors.joining("; "));
        String xsrf = page.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("XSRF-TOKEN="))
                .map(cookie -> cookie.substring("XSRF-TOKEN=".length(), cookie.indexOf(';')))
                .findFirst().orElseThrow(() -> new IllegalStateException("No CSRF cookie from " + app));
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return http.postForm("/camunda/api/admin/auth/user/default/login/" + app, form, cookies, xsrf);
    }
}
