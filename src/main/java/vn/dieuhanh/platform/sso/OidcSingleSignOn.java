package vn.dieuhanh.platform.sso;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.dieuhanh.platform.Forbidden;
import vn.dieuhanh.platform.InputRejected;
import vn.dieuhanh.platform.SingleSignOn;

/**
 * The authorization-code flow with PKCE (S256), state and nonce, for the web app's session login. The pending login
 * (state, nonce, verifier, next page) waits in the HTTP session; the callback must come back to the same session with
 * the same state, the ID token must be signed by the provider, issued by it for our client id, unexpired and carry our
 * nonce. Its user is then mapped like a bearer token's ({@link TokenOfficials}).
 */
class OidcSingleSignOn implements SingleSignOn {

    static final String CALLBACK_PATH = "/dang-nhap/oidc";
    static final String PENDING = OidcSingleSignOn.class.getName() + ".pending";
    private static final Logger log = LoggerFactory.getLogger(OidcSingleSignOn.class);

    private final OidcProvider provider;
    private final TokenOfficials officials;

    OidcSingleSignOn(OidcProvider provider, TokenOfficials officials) {
        this.provider = provider;
        this.officials = officials;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    /** What waits in the session between the redirect to the provider and the callback. */
    record Pending(String state, String nonce, String codeVerifier, String redirectUri, String next)
            implements Serializable {
    }

    @Override
    public URI begin(HttpServletRequest request, String next) {
        SsoProperties properties = provider.properties();
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        URI redirect = redirectUri(request);
        request.getSession(true).setAttribute(PENDING, new Pending(state.getValue(), nonce.getValue(),
                verifier.getValue(), redirect.toString(), next));
        return new AuthenticationRequest.Builder(ResponseType.CODE, Scope.parse(properties.scopes()),
                new ClientID(properties.clientId()), redirect)
                .endpointURI(provider.metadata().getAuthorizationEndpointURI())
                .state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256)
                .build().toURI();
    }

    @Override
    public SignedIn complete(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Pending pending = session == null ? null
                : session.getAttribute(PENDING) instanceof Pending value ? value : null;
        if (pending == null) {
            throw new InputRejected("Phiên đăng nhập một cửa không còn hiệu lực, vui lòng đăng nhập lại "
                    + "(no single sign-on login pending in this session)");
        }
        session.removeAttribute(PENDING); // one use
        String state = request.getParameter("state");
        if (state == null || !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                pending.state().getBytes(StandardCharsets.UTF_8))) {
            throw new InputRejected("Phiên đăng nhập một cửa không hợp lệ, vui lòng đăng nhập lại "
                    + "(single sign-on state mismatch)");
        }
        String error = request.getParameter("error");
        String code = request.getParameter("code");
        if (error != null || code == null || code.isBlank()) {
            log.info("Single sign-on refused by the provider: {} {}", error, request.getParameter("error_description"));
            throw new InputRejected("Hệ thống đăng nhập một cửa không xác nhận đăng nhập, vui lòng thử lại "
                    + "(the identity provider returned no authorization code)");
        }
        String idToken = exchange(code, pending);
        JWTClaimsSet claims;
        try {
            claims = provider.verify(idToken, provider.properties().clientId());
        } catch (OidcProvider.InvalidToken e) {
            log.warn("ID token refused: {}", e.getMessage());
            throw new InputRejected("Không xác thực được đăng nhập một cửa, vui lòng thử lại (invalid ID token)");
        }
        Object nonce = claims.getClaim("nonce");
        if (!(nonce instanceof String value) || !MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                pending.nonce().getBytes(StandardCharsets.UTF_8))) {
            throw new InputRejected("Không xác thực được đăng nhập một cửa, vui lòng thử lại (ID token nonce mismatch)");
        }
        try {
            TokenOfficials.Official official = officials.official(claims);
            return new SignedIn(official.userId(), official.groupIds(), official.tenantIds(), pending.next());
        } catch (TokenOfficials.UnknownOfficial e) {
            log.info("Single sign-on of a user without an account: {}", e.userId);
            throw new Forbidden(e.refusal());
        }
    }

    /** The ID token for the code (client authenticated with its secret, the PKCE verifier proving the same login). */
    private String exchange(String code, Pending pending) {
        SsoProperties properties = provider.properties();
        TokenRequest tokenRequest = new TokenRequest(provider.metadata().getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(properties.clientId()), new Secret(properties.clientSecret())),
                new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create(pending.redirectUri()),
                        new CodeVerifier(pending.codeVerifier())));
        HTTPRequest http = tokenRequest.toHTTPRequest();
        int timeout = (int) properties.httpTimeout().toMillis();
        http.setConnectTimeout(timeout);
        http.setReadTimeout(timeout);
        TokenResponse response;
        try {
            response = OIDCTokenResponseParser.parse(http.send());
        } catch (IOException | ParseException e) {
            throw new ProviderUnavailable("Token endpoint failed: " + e.getMessage(), e);
        }
        if (!response.indicatesSuccess()) {
            log.info("Token endpoint refused the code: {}", response.toErrorResponse().getErrorObject());
            throw new InputRejected("Mã đăng nhập một cửa không hợp lệ hoặc đã dùng, vui lòng đăng nhập lại "
                    + "(authorization code refused)");
        }
        OIDCTokenResponse success = (OIDCTokenResponse) response.toSuccessResponse();
        if (success.getOIDCTokens().getIDToken() == null) {
            throw new InputRejected("Hệ thống đăng nhập một cửa không trả về thông tin đăng nhập (no ID token)");
        }
        return success.getOIDCTokens().getIDTokenString();
    }

    private URI redirectUri(HttpServletRequest request) {
        String configured = provider.properties().redirectUri();
        if (!SsoProperties.blank(configured)) {
            return URI.create(configured.strip());
        }
        return ServletUriComponentsBuilder.fromContextPath(request).path(CALLBACK_PATH).build().toUri();
    }
}
