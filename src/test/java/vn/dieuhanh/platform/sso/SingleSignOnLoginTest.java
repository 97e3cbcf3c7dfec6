package vn.dieuhanh.platform.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The authorization-code flow against a real OpenID Connect server (Keycloak), scripted as a browser does it: the
 * login page's SSO button, Keycloak's login form, the callback; then the same session works in the web app and in
 * Tasklist's API. A user without an account here and a forged callback are refused.
 */
class SingleSignOnLoginTest extends SsoIntegrationTest {

    private static final Pattern KEYCLOAK_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    /** A browser: its cookies (both servers are on localhost), redirects followed by hand. */
    private final class Browser {
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String url) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String url, String form) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String app(String path) {
            return "http://localhost:" + port + path;
        }

        /** Clicks "Đăng nhập bằng tài khoản một cửa", logs in at Keycloak; returns the callback's answer. */
        HttpResponse<String> singleSignOn(String user, String next) throws Exception {
            HttpResponse<String> loginPage = get(app("/dang-nhap?tiep=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
            assertThat(loginPage.body()).contains("Đăng nhập bằng tài khoản một cửa (SSO)");
            HttpResponse<String> start = get(app("/dang-nhap/sso?tiep=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
            assertThat(start.statusCode()).isEqualTo(302);
            String authorization = start.headers().firstValue("Location").orElseThrow();
            assertThat(authorization).startsWith(keycloak.issuer() + "/protocol/openid-connect/auth")
                    .contains("code_challenge_method=S256").contains("state=").contains("nonce=");
            HttpResponse<String> form = get(authorization);
            assertThat(form.statusCode()).isEqualTo(200);
            Matcher action = KEYCLOAK_FORM.matcher(form.body());
            assertThat(action.find()).as("Keycloak's login form").isTrue();
            HttpResponse<String> posted = postForm(action.group(1).replace("&amp;", "&"),
                    "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                            + URLEncoder.encode(KeycloakServer.PASSWORD, StandardCharsets.UTF_8) + "&credentialId=");
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
            String callback = posted.headers().firstValue("Location").orElseThrow();
            assertThat(callback).startsWith(app("/dang-nhap/oidc?"));
            return get(callback);
        }
    }

    @Test
    void singleSignOnOpensTheWebAppAndTasklist() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> callback = browser.singleSignOn(BEN_THANH_OFFICER, "/hop-thu");
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location").orElseThrow()).endsWith("/hop-thu");

        // the web app knows him
        HttpResponse<String> home = browser.get(browser.app("/"));
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Lê Văn Cường");

        // and so do Tasklist's login and its engine API, in the same session
        HttpResponse<String> tasklistUser = browser.get(browser.app("/camunda/api/admin/auth/user/default"));
        assertThat(tasklistUser.statusCode()).isEqualTo(200);
        assertThat(tasklistUser.body()).contains("\"userId\":\"" + BEN_THANH_OFFICER + "\"").contains("tasklist");
        assertThat(browser.get(browser.app("/camunda/api/engine/engine/default/task")).statusCode()).isEqualTo(200);
        assertThat(browser.get(browser.app("/camunda/app/tasklist/default/")).statusCode()).isEqualTo(200);

        // logout ends the local session for both
        HttpResponse<String> page = browser.get(browser.app("/hop-thu"));
        Matcher csrf = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).isTrue();
        assertThat(browser.postForm(browser.app("/dang-xuat"), "_csrf=" + csrf.group(1)).statusCode()).isEqualTo(302);
        assertThat(browser.get(browser.app("/hop-thu")).statusCode()).isEqualTo(302);
        assertThat(browser.get(browser.app("/camunda/api/engine/engine/default/task")).statusCode())
                .isIn(401, 403);
    }

    @Test
    void aUserWithoutAnAccountHereIsRefused() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> callback = browser.singleSignOn(STRANGER, "/");
        assertThat(callback.statusCode()).isEqualTo(403);
        assertThat(callback.body()).contains("chưa được cấp quyền dùng Điều Hành");
        assertThat(browser.get(browser.app("/")).statusCode()).isEqualTo(302);
        assertThat(browser.get(browser.app("/camunda/api/admin/auth/user/default")).statusCode()).isIn(401, 404);
    }

    @Test
    void aCallbackThatThisSessionDidNotStartIsRefused() throws Exception {
        Browser attacker = new Browser();
        HttpResponse<String> started = attacker.get(attacker.app("/dang-nhap/sso"));
        assertThat(started.statusCode()).isEqualTo(302);
        // a wrong state (e.g. a code injected from another login)
        HttpResponse<String> wrongState = attacker.get(attacker.app("/dang-nhap/oidc?code=abc&state=forged"));
        assertThat(wrongState.statusCode()).isEqualTo(401);
        assertThat(wrongState.body()).contains("Phiên đăng nhập một cửa");
        // no pending login at all
        Browser victim = new Browser();
        assertThat(victim.get(victim.app("/dang-nhap/oidc?code=abc&state=x")).statusCode()).isEqualTo(401);
        assertThat(victim.get(victim.app("/")).statusCode()).isEqualTo(302);
    }
}
