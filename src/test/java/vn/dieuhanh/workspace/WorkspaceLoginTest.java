package vn.dieuhanh.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.dieuhanh.HttpClient;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.Role;
import vn.dieuhanh.platform.security.LoginThrottle;

/**
 * The web app's session login (docs/webapp.md): anonymous pages go to the login page, wrong passwords get a Vietnamese
 * answer, a login opens a new session (fixation) that Tasklist also recognises, every POST needs the CSRF token, logout
 * ends the session, locked accounts get 429 on the login page; /api, /engine-rest and /camunda answer as before.
 */
@PostgresIntegrationTest
class WorkspaceLoginTest {

    static final String OFFICER = "ws.login.officer";
    static final String PASSWORD = "Dang-Nhap-2026!w";

    @Autowired
    OfficialAccounts accounts;
    @Autowired
    IdentityService identityService;
    @Autowired
    LoginThrottle throttle;
    @LocalServerPort
    int port;

    @BeforeEach
    void officer() {
        accounts.register(new Official(OFFICER, "Lê Thị Hồng", OFFICER + "@dieuhanh.test", "phuong-ben-thanh", null,
                Role.OFFICER), PASSWORD);
    }

    @AfterEach
    void releaseLocks() {
        throttle.release("account", OFFICER);
        throttle.release("account", "ws.login.locked");
        throttle.release("source", "127.0.0.1");
    }

    @Test
    void anonymousPagesGoToTheLoginPageWhichIsVietnamese() {
        WebClient browser = new WebClient(port);
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/dang-nhap"));
        assertThat(browser.get("/da-giao").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/dang-nhap?tiep=%2Fda-giao"));
        HttpResponse<String> htmx = browser.get("/hop-thu", Map.of("HX-Request", "true"));
        assertThat(htmx.statusCode()).isEqualTo(401);
        assertThat(htmx.headers().firstValue("HX-Redirect")).hasValue("/dang-nhap");
        HttpResponse<String> page = browser.get("/dang-nhap");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"vi\"", "Tên đăng nhập", "Mật khẩu", "Đăng nhập");
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'"));
        // the shell's static files are open
        assertThat(browser.get("/app/app.css").statusCode()).isEqualTo(200);
        assertThat(browser.get("/sw.js").statusCode()).isEqualTo(200);
        assertThat(browser.get("/app/manifest.webmanifest").statusCode()).isEqualTo(200);
        assertThat(browser.get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameVietnameseAnswer() {
        WebClient browser = new WebClient(port);
        HttpResponse<String> wrong = browser.login(OFFICER, "Sai-Mat-Khau-1!");
        HttpResponse<String> unknown = browser.login("ws.khong-ton-tai", "Sai-Mat-Khau-1!");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Tên đăng nhập hoặc mật khẩu không đúng");
        assertThat(unknown.body()).contains("Tên đăng nhập hoặc mật khẩu không đúng");
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
        throttle.release("account", "ws.khong-ton-tai");
    }

    @Test
    void aLoginOpensANewSessionShowingMyWorkWithMyNameAndUnitAndTasklistKnowsMeToo() {
        WebClient browser = new WebClient(port);
        browser.get("/dang-nhap");
        String anonymousSession = browser.sessionId();
        HttpResponse<String> login = browser.login(OFFICER, PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        assertThat(browser.sessionId()).isNotNull().isNotEqualTo(anonymousSession);
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Việc của tôi", "Lê Thị Hồng", "Phường Bến Thành", "Việc đã giao", "Hộp thư",
                "id=\"unread-badge\"", "Bỏ qua, đến nội dung chính", "name=\"csrf-token\"");
        assertThat(home.body()).doesNotContain(">Điều hành</a>"); // an officer does not steer
        assertThat(home.headers().firstValue("Cache-Control")).hasValue("no-store");
        // the same session is a Tasklist login
        HttpResponse<String> camunda = browser.get("/camunda/api/admin/auth/user/default");
        assertThat(camunda.statusCode()).isEqualTo(200);
        assertThat(camunda.body()).contains("\"userId\":\"" + OFFICER + "\"").contains("tasklist");
        // going to the login page again while signed in leads home
        assertThat(browser.get("/dang-nhap").statusCode()).isEqualTo(302);
    }

    @Test
    void postsWithoutTheSessionsCsrfTokenAreRefused() {
        WebClient browser = new WebClient(port);
        browser.get("/dang-nhap");
        HttpResponse<String> loginWithoutToken = browser.postForm("/dang-nhap",
                Map.of("username", OFFICER, "password", PASSWORD));
        assertThat(loginWithoutToken.statusCode()).isEqualTo(403);
        assertThat(loginWithoutToken.body()).contains("Phiên làm việc đã hết hạn");
        browser.signedIn(OFFICER, PASSWORD);
        assertThat(browser.postForm("/dang-xuat", Map.of()).statusCode()).isEqualTo(403);
        assertThat(browser.postForm("/dang-xuat", Map.of("_csrf", "gia-mao")).statusCode()).isEqualTo(403);
        // the token from before the login is no longer valid
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        String token = WebClient.csrfToken(browser.get("/").body());
        // a header works as well as a form field (htmx)
        assertThat(browser.postForm("/dang-xuat", Map.of(), Map.of("X-CSRF-TOKEN", token)).statusCode()).isEqualTo(302);
    }

    @Test
    void logoutEndsTheSessionForTheWebAppAndTasklist() {
        WebClient browser = new WebClient(port).signedIn(OFFICER, PASSWORD);
        String token = WebClient.csrfToken(browser.get("/").body());
        HttpResponse<String> logout = browser.postForm("/dang-xuat", Map.of("_csrf", token));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(l ->
                assertThat(l).endsWith("/dang-nhap?da-dang-xuat"));
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
        assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).isIn(401, 404);
        assertThat(browser.get("/dang-nhap?da-dang-xuat").body()).contains("Bạn đã đăng xuất.");
    }

    @Test
    void aLockedAccountGetsTheVietnamese429OnTheLoginPage() {
        String locked = "ws.login.locked";
        accounts.register(new Official(locked, "Trần Văn Khóa", null, "phuong-ben-thanh", null, Role.OFFICER), PASSWORD);
        WebClient browser = new WebClient(port);
        HttpResponse<String> last = null;
        for (int i = 0; i < 6; i++) {
            last = browser.login(locked, "Sai-Mat-Khau-1!");
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(last.body()).contains("Đăng nhập sai quá nhiều lần, vui lòng thử lại sau");
        // even the right password is refused while the lock lasts
        assertThat(browser.login(locked, PASSWORD).statusCode()).isEqualTo(429);
        identityService.deleteUser(locked);
    }

    @Test
    void theApiTheEngineRestAndTheWebappsAnswerAsBefore() {
        HttpClient http = new HttpClient(port);
        assertThat(http.get("/api/units", null, null).statusCode()).isEqualTo(401);
        assertThat(http.get("/api/units", null, null).headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(http.get("/api/units?kind=ward", OFFICER, PASSWORD).statusCode()).isEqualTo(200);
        assertThat(http.get("/engine-rest/task", null, null).statusCode()).isEqualTo(401);
        assertThat(http.get("/engine-rest/engine", null, null).statusCode()).isEqualTo(200);
        assertThat(http.get("/engine-rest/task", OFFICER, PASSWORD).statusCode()).isEqualTo(200);
        HttpResponse<String> tasklist = http.get("/camunda/app/tasklist/default/", null, null);
        assertThat(tasklist.statusCode()).isEqualTo(200);
        assertThat(tasklist.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).doesNotContain("form-action 'self'; base-uri 'self'")); // Camunda's own policy
        // a POST to /api is not subject to the web app's CSRF token (Basic authentication, no cookies)
        HttpResponse<String> post = http.post("/api/inbox/999999999/read", "", OFFICER, PASSWORD);
        assertThat(post.statusCode()).isEqualTo(404);
        // the web app's session does not authenticate /api (HTTP Basic only)
        WebClient browser = new WebClient(port).signedIn(OFFICER, PASSWORD);
        assertThat(browser.get("/api/inbox").statusCode()).isEqualTo(401);
        assertThat(List.of(browser.get("/engine-rest/task").statusCode())).containsExactly(401);
    }

    @Test
    void scriptsTravelCompressedButPagesWithTheCsrfTokenDoNot() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<byte[]> charts = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/webjars/echarts/dist/echarts.min.js"))
                .header("Accept-Encoding", "gzip").build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(charts.statusCode()).isEqualTo(200);
        assertThat(charts.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(charts.body().length).as("ECharts compressed for a phone").isLessThan(450_000);

        java.net.http.HttpResponse<byte[]> login = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/dang-nhap"))
                .header("Accept-Encoding", "gzip").build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Encoding")).as("HTML with a CSRF token: no BREACH").isEmpty();
    }
}
