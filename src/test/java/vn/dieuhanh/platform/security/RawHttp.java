package vn.dieuhanh.platform.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket: the request line goes out byte for byte (no client normalises or re-encodes the
 * path), and the connection comes from a chosen loopback address (127.0.0.x), so each test is its own "source".
 */
final class RawHttp {

    record Response(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        List<String> cookies() {
            return headers.getOrDefault("set-cookie", List.of());
        }

        boolean isMetrics() {
            return status == 200 && body.contains("jvm_memory_used_bytes");
        }
    }

    private final int port;
    private final String source;

    RawHttp(int port, String source) {
        this.port = port;
        this.source = source;
    }

    Response get(String rawPath, String user, String password) {
        return send("GET", rawPath, basic(user, password), null, null);
    }

    /** The webapps' login as the browser does it: CSRF cookie from the app page, then the form. */
    Response webappLogin(String app, String user, String password) {
        Response page = get("/camunda/app/" + app + "/default/", null, null);
        List<String> pairs = new ArrayList<>();
        String xsrf = null;
        for (String cookie : page.cookies()) {
            String pair = cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';'));
            pairs.add(pair);
            if (pair.startsWith("XSRF-TOKEN=")) {
                xsrf = pair.substring("XSRF-TOKEN=".length());
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cookie", String.join("; ", pairs));
        headers.put("X-XSRF-TOKEN", xsrf);
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send("POST", "/camunda/api/admin/auth/user/default/login/" + app, headers, form, null);
    }

    Response delete(String rawPath, String user, String password) {
        return send("DELETE", rawPath, basic(user, password), null, null);
    }

    private static Map<String, String> basic(String user, String password) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (user != null) {
            headers.put("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return headers;
    }

    Response send(String method, String rawPath, Map<String, String> headers, String body, String accept) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method).append(' ').append(rawPath).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(port).append("\r\n")
                .append("Accept: ").append(accept == null ? "*/*" : accept).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            request.append("Content-Length: ").append(content.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response parse(byte[] raw) throws IOException {
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        String[] lines = all.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", List.of("")).get(0))) {
            body = dechunk(new java.io.ByteArrayInputStream(body));
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            StringBuilder size = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    size.append((char) c);
                }
            }
            String hex = size.toString().split(";")[0].trim();
            if (hex.isEmpty() || Integer.parseInt(hex, 16) == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(Integer.parseInt(hex, 16)));
            in.read();
            in.read(); // CRLF after the chunk
        }
    }
}
