package vn.dieuhanh.platform.sso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.awaitility.Awaitility;

/**
 * A real OpenID Connect server for the single sign-on tests: Keycloak's distribution from Maven Central (the test
 * dependency {@code org.keycloak:keycloak-quarkus-dist:zip}; Maven hands its path over as {@code keycloak.dist.zip}),
 * unpacked once under {@code target/keycloak}, started in dev mode with an in-memory H2 database on a free port and
 * the realm {@code src/test/resources/sso/dieuhanh-realm.json} imported. Started once per JVM (the first test that
 * asks), stopped at JVM exit. Keycloak 25 runs on Java 17 (26 needs 21).
 */
public final class KeycloakServer {

    public static final String VERSION = "25.0.6";
    public static final String REALM = "dieuhanh";
    public static final String CLIENT_ID = "dieuhanh";
    public static final String CLIENT_SECRET = "dieuhanh-test-secret";
    public static final String OTHER_CLIENT_ID = "other-app";
    public static final String OTHER_CLIENT_SECRET = "other-app-test-secret";
    public static final String PASSWORD = "Mot-Cua-2026!";
    /** Generous: the first start augments Keycloak (about a minute), and the machine is shared. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(8);

    private static KeycloakServer running;

    private final int port;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private KeycloakServer(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /** The server, started on first call. */
    public static synchronized KeycloakServer get() {
        if (running == null) {
            running = start();
        }
        return running;
    }

    public String issuer() {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /** An access token of {@code client} for {@code user} (resource owner password grant, allowed in the test realm). */
    public String accessToken(String user, String client, String secret) {
        JsonNode answer = post(tokenEndpoint(), Map.of("grant_type", "password", "client_id", client,
                "client_secret", secret, "username", user, "password", PASSWORD, "scope", "openid"));
        return answer.path("access_token").asText();
    }

    public String accessToken(String user) {
        return accessToken(user, CLIENT_ID, CLIENT_SECRET);
    }

    private JsonNode post(String url, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("POST " + url + ": " + response.statusCode() + " " + response.body());
            }
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static KeycloakServer start() {
        try {
            Path home = unpacked();
            Path imports = Files.createDirectories(home.resolve("data/import"));
            try (InputStream realm = KeycloakServer.class.getResourceAsStream("/sso/dieuhanh-realm.json")) {
                Files.copy(realm, imports.resolve("dieuhanh-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            int port = freePort();
            int managementPort = freePort();
            Path log = home.getParent().resolve("keycloak.log");
            ProcessBuilder builder = new ProcessBuilder(List.of("bash", home.resolve("bin/kc.sh").toString(),
                    "start-dev", "--db=dev-mem", "--http-port=" + port, "--http-management-port=" + managementPort,
                    "--import-realm", "--cache=local"))
                    .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("JAVA_OPTS_APPEND", "-Xms64m -Xmx512m");
            Process process = builder.start();
            KeycloakServer server = new KeycloakServer(port, process);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "keycloak-stop"));
            try {
                Awaitility.await("Keycloak on port " + port + " (log " + log + ")").atMost(START_TIMEOUT)
                        .pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                        .until(() -> {
                            if (!process.isAlive()) {
                                throw new IllegalStateException("Keycloak exited, see " + log);
                            }
                            return server.discoveryAnswers();
                        });
            } catch (RuntimeException e) {
                server.stop();
                throw new IllegalStateException("Keycloak did not start: " + tail(log), e);
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean discoveryAnswers() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode() == 200;
    }

    private void stop() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@code target/keycloak/keycloak-<version>}, unpacked from the zip Maven resolved unless already there. */
    private static Path unpacked() throws IOException {
        Path base = Paths.get(System.getProperty("keycloak.dist.dir", "target/keycloak")).toAbsolutePath();
        Path home = base.resolve("keycloak-" + VERSION);
        if (Files.exists(home.resolve("bin/kc.sh")) && Files.exists(home.resolve("lib/quarkus-run.jar"))) {
            return home;
        }
        String zip = System.getProperty("keycloak.dist.zip");
        Path archive = zip != null && !zip.isBlank() && !zip.startsWith("${") ? Paths.get(zip)
                : Paths.get(System.getProperty("user.home"), ".m2/repository/org/keycloak/keycloak-quarkus-dist",
                VERSION, "keycloak-quarkus-dist-" + VERSION + ".zip");
        if (!Files.exists(archive)) {
            throw new IllegalStateException("Keycloak's distribution not found at " + archive
                    + ": run the tests through Maven (test dependency org.keycloak:keycloak-quarkus-dist:zip)");
        }
        Path partial = base.resolve("unpacking");
        Files.createDirectories(partial);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = partial.resolve(entry.getName()).normalize();
                if (!target.startsWith(partial)) {
                    throw new IOException("Bad entry " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.move(partial.resolve("keycloak-" + VERSION), home, StandardCopyOption.ATOMIC_MOVE);
        return home;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
