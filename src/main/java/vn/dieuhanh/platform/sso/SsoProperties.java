package vn.dieuhanh.platform.sso;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dieuhanh.sso.*}: the OpenID Connect provider (docs/sso.md). Single sign-on is on only when
 * {@link #issuerUri} is set; the client secret comes from the environment ({@code DIEUHANH_SSO_CLIENT_SECRET}), never
 * from a committed file.
 *
 * @param issuerUri      the provider's issuer, e.g. {@code https://sso.tphcm.gov.vn/realms/can-bo}; its
 *                       {@code /.well-known/openid-configuration} is read on first use
 * @param clientId       this application's client id at the provider
 * @param clientSecret   its secret (confidential client, {@code client_secret_basic})
 * @param audience       the audience a bearer token must carry; the client id when empty
 * @param usernameClaim  the claim holding our user id (the Camunda user id), {@code preferred_username} by default
 * @param groupsClaim    when set, the claim listing the provider's groups or roles: the groups a login acts with are
 *                       then ours <em>and</em> the claim's (the provider can withdraw a group, never grant one)
 * @param redirectUri    the callback registered at the provider; derived from the request
 *                       ({@code <base>/dang-nhap/oidc}) when empty
 * @param scopes         scopes asked for in the web login
 * @param clockSkew      tolerated clock difference for {@code exp}/{@code nbf}/{@code iat}
 * @param httpTimeout    connect and read timeout for discovery, JWKS and the token endpoint
 */
@ConfigurationProperties("dieuhanh.sso")
public record SsoProperties(String issuerUri, String clientId, String clientSecret, String audience,
                            String usernameClaim, String groupsClaim, String redirectUri, List<String> scopes,
                            Duration clockSkew, Duration httpTimeout) {

    public SsoProperties {
        usernameClaim = blank(usernameClaim) ? "preferred_username" : usernameClaim.strip();
        groupsClaim = blank(groupsClaim) ? null : groupsClaim.strip();
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile", "email") : List.copyOf(scopes);
        clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
        httpTimeout = httpTimeout == null ? Duration.ofSeconds(10) : httpTimeout;
    }

    public boolean enabled() {
        return !blank(issuerUri);
    }

    String expectedAudience() {
        return blank(audience) ? clientId : audience;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
