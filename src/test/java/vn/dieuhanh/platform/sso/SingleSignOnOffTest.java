package vn.dieuhanh.platform.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.dieuhanh.HttpClient;
import vn.dieuhanh.PostgresIntegrationTest;

/** Without {@code dieuhanh.sso.issuer-uri} (the shared context): no SSO button, no SSO addresses, bearer tokens 401. */
@PostgresIntegrationTest
class SingleSignOnOffTest {

    @LocalServerPort
    int port;

    @Test
    void singleSignOnIsOffUnlessConfigured() throws Exception {
        HttpClient http = new HttpClient(port);
        HttpResponse<String> login = http.get("/dang-nhap", null, null);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).doesNotContain("tài khoản một cửa");
        HttpResponse<String> start = http.get("/dang-nhap/sso", null, null);
        assertThat(start.statusCode()).isEqualTo(404);
        assertThat(start.body()).contains("chưa được cấu hình");
        assertThat(http.get("/dang-nhap/oidc?code=a&state=b", null, null).statusCode()).isEqualTo(404);

        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        HttpResponse<String> bearer = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/inbox"))
                .header("Authorization", "Bearer eyJhbGciOiJub25lIn0.e30.").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bearer.statusCode()).isEqualTo(401);
    }
}
