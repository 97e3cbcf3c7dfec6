package vn.dieuhanh.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dieuhanh.HttpClient;
import vn.dieuhanh.PostgresIntegrationTest;

/**
 * Login throttling through every door (HTTP Basic on /api and /engine-rest, the webapps' login form), each test from
 * its own loopback address. Lock expiry itself is proven on a controlled clock in {@link LoginThrottleTest}.
 */
@PostgresIntegrationTest
class LoginThrottlingTest {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = PostgresIntegrationTest.ADMIN_PASSWORD;
    static final String PASSWORD = "Dang-Nhap-2026!x";

    @Autowired
    IdentityService identityService;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;
    final List<String> users = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        users.forEach(identityService::deleteUser);
    }

    @Test
    void anUnknownUserAndAWrongPasswordGetTheSameAnswerAtEveryDoor() {
        officer("so-y-te.same-answer");
        RawHttp http = new RawHttp(port, "127.0.0.21");
        for (String path : List.of("/api/units", "/engine-rest/task")) {
            RawHttp.Response unknown = http.get(path, "so-y-te.khong-ton-tai", "Sai-Mat-Khau-1!");
            RawHttp.Response wrong = http.get(path, "so-y-te.same-answer", "Sai-Mat-Khau-1!");
            assertThat(unknown.status()).as(path).isEqualTo(401);
            assertThat(wrong.status()).as(path).isEqualTo(401);
            assertThat(wrong.body()).as(path).isEqualTo(unknown.body());
            assertThat(wrong.header("WWW-Authenticate")).as(path).isEqualTo(unknown.header("WWW-Authenticate"));
            assertThat(wrong.header("Content-Type")).as(path).isEqualTo(unknown.header("Content-Type"));
        }
        RawHttp.Response unknown = http.webappLogin("tasklist", "so-y-te.khong-ton-tai", "Sai-Mat-Khau-1!");
        RawHttp.Response wrong = http.webappLogin("tasklist", "so-y-te.same-answer", "Sai-Mat-Khau-1!");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(withoutTimestamp(wrong.body())).isEqualTo(withoutTimestamp(unknown.body()));
        // ... and both names are locked the same way after the same number of failures
        for (int i = 3; i < throttle.properties().maxFailuresPerAccount(); i++) {
            http.get("/api/units", "so-y-te.khong-ton-tai", "Sai-Mat-Khau-1!");
            http.get("/api/units", "so-y-te.same-answer", "Sai-Mat-Khau-1!");
        }
        RawHttp.Response lockedUnknown = http.get("/api/units", "so-y-te.khong-ton-tai", "Sai-Mat-Khau-1!");
        RawHttp.Response lockedExisting = http.get("/api/units", "so-y-te.same-answer", PASSWORD);
        assertThat(lockedUnknown.status()).isEqualTo(429);
        assertThat(lockedExisting.status()).isEqualTo(429);
        assertThat(lockedExisting.body()).isEqualTo(lockedUnknown.body());
        throttle.release(LoginThrottle.ACCOUNT, "so-y-te.khong-ton-tai");
        throttle.release(LoginThrottle.ACCOUNT, "so-y-te.same-answer");
    }

    @Test
    void failuresAtAnyDoorLockTheAccountAtEveryDoorUntilItExpiresOrAnAdministratorReleasesIt() {
        officer("so-tu-phap.bi-khoa");
        RawHttp attacker = new RawHttp(port, "127.0.0.22");
        // 2 failures over /api, 2 over /engine-rest, 1 over the webapp login: 5, the account's limit
        assertThat(attacker.get("/api/units", "so-tu-phap.bi-khoa", "doan-1").status()).isEqualTo(401);
        assertThat(attacker.get("/api/units", "so-tu-phap.bi-khoa", "doan-2").status()).isEqualTo(401);
        assertThat(attacker.get("/engine-rest/task", "so-tu-phap.bi-khoa", "doan-3").status()).isEqualTo(401);
        assertThat(attacker.get("/engine-rest/task", "so-tu-phap.bi-khoa", "doan-4").status()).isEqualTo(401);
        assertThat(attacker.webappLogin("tasklist", "so-tu-phap.bi-khoa", "doan-5").status()).isEqualTo(401);

        RawHttp owner = new RawHttp(port, "127.0.0.23");
        for (RawHttp.Response locked : List.of(owner.get("/api/units", "so-tu-phap.bi-khoa", PASSWORD),
                owner.get("/engine-rest/task", "so-tu-phap.bi-khoa", PASSWORD),
                owner.webappLogin("tasklist", "so-tu-phap.bi-khoa", PASSWORD))) {
            assertThat(locked.status()).isEqualTo(429);
            long retryAfter = Long.parseLong(locked.header("Retry-After"));
            assertThat(retryAfter).isBetween(1L, throttle.properties().lockDuration().toSeconds());
            assertThat(locked.body()).contains("Đăng nhập sai quá nhiều lần, vui lòng thử lại sau " + retryAfter
                    + " giây (too many failed logins, retry in " + retryAfter + " s)");
        }

        // administrators see the lock and the failures, with their source; officers may not look
        JsonNode report = new HttpClient(port).getJson("/api/admin/security/login-failures", ADMIN, ADMIN_PASSWORD);
        assertThat(report.get("locks").findValuesAsText("key")).contains("so-tu-phap.bi-khoa");
        assertThat(report.get("recentFailures").toString()).contains("\"account\":\"so-tu-phap.bi-khoa\"",
                "\"source\":\"127.0.0.22\"");
        assertThat(report.get("policy").get("maxFailuresPerAccount").asInt()).isEqualTo(5);
        assertThat(owner.get("/api/admin/security/login-failures", "so-y-te.same-answer-x", PASSWORD).status())
                .isIn(401, 403);
        officer("so-y-te.khong-phai-qtv");
        assertThat(owner.get("/api/admin/security/login-failures", "so-y-te.khong-phai-qtv", PASSWORD).status())
                .isEqualTo(403);

        // an administrator releases the lock early; the owner is back in
        RawHttp admin = new RawHttp(port, "127.0.0.30");
        assertThat(admin.delete("/api/admin/security/login-locks/account/so-tu-phap.bi-khoa", ADMIN, ADMIN_PASSWORD)
                .status()).isEqualTo(204);
        assertThat(admin.delete("/api/admin/security/login-locks/account/so-tu-phap.bi-khoa", ADMIN, ADMIN_PASSWORD)
                .status()).isEqualTo(404);
        assertThat(owner.get("/api/units", "so-tu-phap.bi-khoa", PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordNoLongerDelaysTheRightOne() {
        officer("so-tu-phap.go-nham");
        RawHttp http = new RawHttp(port, "127.0.0.24");
        assertThat(http.get("/api/units", "so-tu-phap.go-nham", "wrong").status()).isEqualTo(401);
        assertThat(http.get("/api/units", "so-tu-phap.go-nham", PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void anAttackerHammeringAdminLocksOnlyHisOwnAddress() {
        RawHttp attacker = new RawHttp(port, "127.0.0.25");
        int limit = throttle.properties().maxFailuresPerSource();
        for (int i = 0; i < limit; i++) {
            assertThat(attacker.get("/engine-rest/user", ADMIN, "doan-" + i).status()).as("attempt %s", i)
                    .isEqualTo(401);
        }
        assertThat(attacker.get("/api/units", ADMIN, ADMIN_PASSWORD).status()).isEqualTo(429);
        assertThat(attacker.webappLogin("admin", ADMIN, ADMIN_PASSWORD).status()).isEqualTo(429);

        RawHttp administrator = new RawHttp(port, "127.0.0.26");
        assertThat(administrator.get("/api/units", ADMIN, ADMIN_PASSWORD).status()).isEqualTo(200);
        assertThat(administrator.get("/engine-rest/user", ADMIN, ADMIN_PASSWORD).status()).isEqualTo(200);
        RawHttp.Response login = administrator.webappLogin("admin", ADMIN, ADMIN_PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("\"admin\"");
        assertThat(throttle.report().locks()).noneMatch(lock -> lock.key().equals(ADMIN));
        throttle.release(LoginThrottle.SOURCE, "127.0.0.25");
    }

    @Test
    void anAddressSprayingManyAccountsIsThrottledForEveryAccount() {
        officer("so-y-te.chung-mang");
        RawHttp sprayer = new RawHttp(port, "127.0.0.27");
        int limit = throttle.properties().maxFailuresPerSource();
        for (int i = 0; i < limit; i++) {
            assertThat(sprayer.get("/api/units", "phuong-" + i + ".head", "Mat-Khau-2026!").status())
                    .as("attempt %s", i).isEqualTo(401);
        }
        RawHttp.Response throttled = sprayer.get("/api/units", "so-y-te.chung-mang", PASSWORD);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotBlank();
        assertThat(new RawHttp(port, "127.0.0.28").get("/api/units", "so-y-te.chung-mang", PASSWORD).status())
                .isEqualTo(200);
        throttle.release(LoginThrottle.SOURCE, "127.0.0.27");
    }

    @Test
    void anAccountLockedForGoodByCamundaIsLetInAgain() {
        officer("so-noi-vu.khoa-cu");
        jdbc.sql("UPDATE act_id_user SET attempts_ = 10, lock_exp_time_ = NULL WHERE id_ = 'so-noi-vu.khoa-cu'")
                .update();
        assertThat(new RawHttp(port, "127.0.0.29").get("/api/units", "so-noi-vu.khoa-cu", PASSWORD).status())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT attempts_ FROM act_id_user WHERE id_ = 'so-noi-vu.khoa-cu'")
                .query(Integer.class).single()).isZero();
    }

    private static String withoutTimestamp(String body) {
        return body.replaceAll("\"timestamp\":\"[^\"]*\"", "");
    }

    private void officer(String id) {
        User user = identityService.newUser(id);
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        users.add(id);
    }
}
