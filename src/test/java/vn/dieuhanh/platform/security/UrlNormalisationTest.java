package vn.dieuhanh.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.dieuhanh.PostgresIntegrationTest;

/**
 * Access decisions use the normalised servlet path: every spelling of the admin-only metrics path is refused to an
 * officer, every spelling of the open health path opens nothing else. Raw requests through a socket, so no client
 * cleans the URL up first.
 */
@PostgresIntegrationTest
class UrlNormalisationTest {

    static final String OFFICER = "so-y-te.url-officer";
    static final String OFFICER_PASSWORD = "Duong-Dan-2026!x";
    static final String ADMIN = "admin";

    @Autowired
    IdentityService identityService;
    @LocalServerPort
    int port;
    RawHttp http;

    @BeforeEach
    void officer() {
        http = new RawHttp(port, "127.0.0.11");
        User user = identityService.newUser(OFFICER);
        user.setPassword(OFFICER_PASSWORD);
        identityService.saveUser(user);
    }

    @AfterEach
    void removeOfficer() {
        identityService.deleteUser(OFFICER);
    }

    @Test
    void thePlainPathsBehaveAsBefore() {
        assertThat(http.get("/actuator/prometheus", OFFICER, OFFICER_PASSWORD).status()).isEqualTo(403);
        assertThat(http.get("/actuator/prometheus", ADMIN, PostgresIntegrationTest.ADMIN_PASSWORD).isMetrics())
                .isTrue();
        assertThat(http.get("/actuator/health", null, null).status()).isEqualTo(200);
    }

    /** Spellings Tomcat normalises to /actuator/prometheus: the filter sees that path, so an officer gets 403. */
    @ParameterizedTest
    @ValueSource(strings = {"/actuator/%70rometheus", "/%61ctuator/prometheus", "/actuator//prometheus",
            "//actuator/prometheus", "/actuator/prometheus/", "/actuator/./prometheus", "/api/../actuator/prometheus",
            "/actuator/health/../prometheus"})
    void everyNormalisedSpellingOfTheMetricsPathIsForAdminsOnly(String path) {
        RawHttp.Response officer = http.get(path, OFFICER, OFFICER_PASSWORD);
        assertThat(officer.isMetrics()).as("officer %s: %s", path, officer.status()).isFalse();
        assertThat(officer.status()).as("officer %s", path).isEqualTo(403);
        assertThat(officer.body()).contains("Chỉ quản trị viên");
        assertThat(http.get(path, null, null).status()).as("anonymous %s", path).isEqualTo(401);
    }

    @Test
    void anAdministratorStillGetsMetricsThroughADecodedSpelling() {
        assertThat(http.get("/actuator/%70rometheus", ADMIN, PostgresIntegrationTest.ADMIN_PASSWORD).isMetrics())
                .isTrue();
    }

    /** Ambiguous encodings and path parameters: 400 before any decision (some already from Tomcat itself). */
    @ParameterizedTest
    @ValueSource(strings = {"/actuator;x=y/prometheus", "/actuator/prometheus;x=y", "/actuator;/prometheus",
            "/actuator%2Fprometheus", "/actuator%2fprometheus", "/actuator/%2570rometheus", "/actuator/%252570rometheus",
            "/actuator/health/%2e%2e/prometheus", "/actuator/health/%2E%2E/prometheus", "/actuator%5Cprometheus",
            "/actuator/prometheus%3Bx", "/actuator/health/..;/prometheus", "/actuator/prometheus%00"})
    void ambiguousSpellingsAreRefused(String path) {
        RawHttp.Response officer = http.get(path, OFFICER, OFFICER_PASSWORD);
        assertThat(officer.isMetrics()).as("officer %s", path).isFalse();
        assertThat(officer.status()).as("officer %s", path).isEqualTo(400);
        RawHttp.Response anonymous = http.get(path, null, null);
        assertThat(anonymous.status()).as("anonymous %s", path).isEqualTo(400);
    }

    @Test
    void ourRefusalSaysWhyInVietnameseFirst() {
        RawHttp.Response response = http.get("/actuator;x=y/prometheus", OFFICER, OFFICER_PASSWORD);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).startsWith("{\"status\":400,\"detail\":\"Đường dẫn chứa chuỗi mã hoá");
    }

    /** Paths are case-sensitive everywhere; another case reaches nothing, certainly not the metrics. */
    @ParameterizedTest
    @ValueSource(strings = {"/Actuator/Prometheus", "/ACTUATOR/PROMETHEUS", "/actuator/Prometheus",
            "/Actuator/prometheus", "/API/units"})
    void anotherCaseReachesNothing(String path) {
        RawHttp.Response officer = http.get(path, OFFICER, OFFICER_PASSWORD);
        assertThat(officer.status()).as("officer %s", path).isIn(401, 403, 404);
        RawHttp.Response anonymous = http.get(path, null, null);
        assertThat(anonymous.status()).as("anonymous %s", path).isIn(401, 403, 404);
    }

    /** Any spelling of the open health path answers health, or is refused; it never opens anything else. */
    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/%68ealth", "/actuator//health", "/actuator/health/",
            "/actuator/health//", "/Actuator/Health", "/actuator/health;x=y", "/actuator/health/..",
            "/actuator/health/../prometheus", "/actuator/health/../../api/units", "/actuator/health/%2e%2e/info",
            "/actuator/health%2F..%2Fprometheus", "/actuator/health/liveness/../../prometheus",
            "/actuator/health/../../v3/api-docs", "/actuator/health/../../engine-rest/user"})
    void theOpenHealthPathOpensNothingElse(String path) {
        RawHttp.Response anonymous = http.get(path, null, null);
        if (anonymous.status() == 200) {
            assertThat(anonymous.body()).as("anonymous %s", path).startsWith("{\"status\":\"UP\"")
                    .doesNotContain("jvm_memory_used_bytes");
        } else {
            assertThat(anonymous.status()).as("anonymous %s", path).isIn(400, 401, 404);
        }
    }
}
