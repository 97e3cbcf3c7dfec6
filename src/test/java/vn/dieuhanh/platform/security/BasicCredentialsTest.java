package vn.dieuhanh.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    @Test
    void decodesUserAndPasswordWithColonsAndVietnameseCharacters() {
        String header = "Basic " + Base64.getEncoder()
                .encodeToString("phuong-ben-thanh.head:mật:khẩu".getBytes(StandardCharsets.UTF_8));
        assertThat(ApiAuthenticationFilter.basicCredentials(header))
                .containsExactly("phuong-ben-thanh.head", "mật:khẩu");
    }

    @Test
    void rejectsMissingOrMalformedHeaders() {
        assertThat(ApiAuthenticationFilter.basicCredentials(null)).isNull();
        assertThat(ApiAuthenticationFilter.basicCredentials("Bearer abc")).isNull();
        assertThat(ApiAuthenticationFilter.basicCredentials("Basic %%%")).isNull();
        assertThat(ApiAuthenticationFilter.basicCredentials("Basic "
                + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)))).isNull();
    }
}
