package vn.dieuhanh.platform.sso;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import vn.dieuhanh.platform.SingleSignOn;

/**
 * The provider as this application knows it: its discovery document (read once, on first use, so the application
 * starts while the provider is down) and a JWT processor checking signature (keys from the provider's JWKS, cached and
 * refreshed on an unknown key id), issuer, audience, expiry and not-before against the engine clock.
 */
class OidcProvider {

    /** Asymmetric algorithms only: a token signed with HS256 and the client secret, or unsigned, is refused. */
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.ES512, JWSAlgorithm.EdDSA);

    private final SsoProperties properties;
    private final Clock clock;
    private volatile OIDCProviderMetadata metadata;
    private volatile JWKSource<SecurityContext> keys;

    OidcProvider(SsoProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    SsoProperties properties() {
        return properties;
    }

    OIDCProviderMetadata metadata() {
        OIDCProviderMetadata known = metadata;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (metadata == null) {
                int timeout = (int) properties.httpTimeout().toMillis();
                try {
                    OIDCProviderMetadata resolved = OIDCProviderMetadata.resolve(new Issuer(properties.issuerUri()),
                            timeout, timeout);
                    keys = JWKSourceBuilder.<SecurityContext>create(resolved.getJWKSetURI().toURL(),
                                    new DefaultResourceRetriever(timeout, timeout, 512 * 1024))
                            .retrying(true).build();
                    metadata = resolved;
                } catch (GeneralException | IOException e) {
                    throw new ProviderUnavailable("OpenID Connect discovery failed for " + properties.issuerUri(), e);
                }
            }
            return metadata;
        }
    }

    /**
     * The claims of a signed JWT issued by the provider for {@code audience}, valid now.
     *
     * @throws InvalidToken anything else: not a JWT, unsigned, unknown key, bad signature, other issuer, other
     *                      audience, expired, not yet valid
     */
    JWTClaimsSet verify(String token, String audience) {
        OIDCProviderMetadata known = metadata();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(new HashSet<>(ALGORITHMS), keys));
        // access tokens are typed "at+jwt" by some providers, plain "JWT" by Keycloak
        processor.setJWSTypeVerifier((type, context) -> {
        });
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(Set.of(audience),
                new JWTClaimsSet.Builder().issuer(known.getIssuer().getValue()).build(), Set.of("sub", "exp", "iat"),
                null) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claims.setMaxClockSkew((int) properties.clockSkew().toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
        try {
            return processor.process(token, null);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new InvalidToken(e.getMessage());
        }
    }

    /** A token that is not a valid token of the provider for us. */
    static final class InvalidToken extends RuntimeException {
        InvalidToken(String reason) {
            super(reason);
        }
    }

    /** Discovery failed: the provider or the network is down. */
    static final class ProviderUnavailable extends SingleSignOn.ProviderUnavailable {
        ProviderUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

}
