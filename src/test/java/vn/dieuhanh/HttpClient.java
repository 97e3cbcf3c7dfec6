package vn.dieuhanh;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A plain JDK HTTP client against the running test server, so tests see exactly what a real client sees. */
public final class HttpClient {

    private final java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
    private final String baseUrl;

    public HttpClient(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** GET that must answer 200, read as JSON. */
    public com.fasterxml.jackson.databind.JsonNode getJson(String path, String user, String password) {
        HttpResponse<String> response = get(path, user, password);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " as " + user + ": " + response.statusCode() + " "
                    + response.body());
        }
        return json(response.body());
    }

    public static com.fasterxml.jackson.databind.JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public HttpResponse<String> get(String path, String user, String password) {
        return send(request(path, user, password).GET().build());
    }

    public HttpResponse<String> getWithCookies(String path, String cookieHeader) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Cookie", cookieHeader).GET().build());
    }

    public HttpResponse<String> post(String path, String json, String user, String password) {
        return send(request(path, user, password)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> put(String path, String json, String user, String password) {
        return send(request(path, user, password)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> delete(String path, String user, String password) {
        return send(request(path, user, password).DELETE().build());
    }

    /** A JSON POST inside a webapp session (Tasklist's own API): its cookies and its CSRF token. */
    public HttpResponse<String> postWithSession(String path, String json, String cookieHeader, String xsrfToken) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .header("Cookie", cookieHeader)
                .header("X-XSRF-TOKEN", xsrfToken)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> postForm(String path, String form, String cookieHeader, String xsrfToken) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookieHeader != null) {
            builder.header("Cookie", cookieHeader);
        }
        if (xsrfToken != null) {
            builder.header("X-XSRF-TOKEN", xsrfToken);
        }
        return send(builder.build());
    }

    /** Any method with any body and content type, as a user (HTTP Basic) or with extra headers (cookies, CSRF). */
    public HttpResponse<String> send(String method, String path, String contentType, byte[] body, String user,
                                     String password, java.util.Map<String, String> headers) {
        HttpRequest.Builder builder = request(path, user, password).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        headers.forEach(builder::header);
        return send(builder.build());
    }

    private HttpRequest.Builder request(String path, String user, String password) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            builder.header("Authorization", "Basic " + token);
        }
        return builder;
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
