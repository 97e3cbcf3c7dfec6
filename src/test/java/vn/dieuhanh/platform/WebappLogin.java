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
