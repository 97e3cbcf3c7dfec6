package vn.dieuhanh;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in browser session of the web app over plain HTTP: the login form at {@code /dang-nhap}, the session
 * cookie, and the CSRF token read from the pages (as a browser's form would send it).
 */
public final class PageSession {


    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\"\\s+content=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String baseUrl;
    private String cookie;
    private String csrf;

    private PageSession(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    public static PageSession login(int port, String user, String password) {
        PageSession session = new PageSession(port);
        HttpResponse<String> page = session.get("/dang-nhap");
        session.remember(page);
        HttpResponse<String> posted = session.postForm("/dang-nhap", Map.of("username", user, "password", password));
        if (posted.statusCode() != 302) {
            throw new AssertionError("login of " + user + ": " + posted.statusCode() + " " + posted.body());
        }
        // the login starts a new session (id and CSRF token): read the token from a page
        session.remember(session.get("/"));
        return session;
    }

    public HttpResponse<String> get(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> response = send(request.build());
        remember(response);
        return response;
    }

    /** A plain form post (no JavaScript): the CSRF token as the form's hidden field. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        return post(path, fields, Map.of(), true);
    }

    /** A form post as htmx sends it: the {@code HX-Request} header, the token as the form's field. */
    public HttpResponse<String> htmx(String path, Map<String, String> fields) {
        return post(path, fields, Map.of("HX-Request", "true"), true);
    }

    public HttpResponse<String> postWithoutToken(String path, Map<String, String> fields) {
        return post(path, fields, Map.of(), false);
    }

    private HttpResponse<String> post(String path, Map<String, String> fields, Map<String, String> headers,
                                      boolean withToken) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (withToken && csrf != null) {
            all.put("_csrf", csrf);
        }
        String body = all.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        headers.forEach(request::header);
        HttpResponse<String> response = send(request.build());
        remember(response);
        return response;
    }

    /** A form post with repeated fields (checkboxes of one name): name, value, name, value, ... */
    public HttpResponse<String> postRepeated(String path, java.util.List<String> namesAndValues) {
        StringBuilder body = new StringBuilder();
        java.util.List<String> all = new java.util.ArrayList<>(namesAndValues);
        if (csrf != null) {
            all.add("_csrf");
            all.add(csrf);
        }
        for (int i = 0; i < all.size(); i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(encode(all.get(i))).append('=')
                    .append(encode(all.get(i + 1)));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> response = send(request.build());
        remember(response);
        return response;
    }

    private void remember(HttpResponse<String> response) {
        response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().ifPresent(c -> cookie = c.substring(0, c.indexOf(';') > 0 ? c.indexOf(';') : c.length()));
        for (Pattern pattern : new Pattern[] {CSRF_META, CSRF_FIELD}) {
            Matcher matcher = pattern.matcher(response.body() == null ? "" : response.body());
            if (matcher.find()) {
                csrf = matcher.group(1);
                return;
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
