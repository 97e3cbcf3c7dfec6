package vn.dieuhanh.platform.sso;

import org.springframework.beans.factory.ObjectProvider;
import vn.dieuhanh.platform.LoginRecorder;

import java.time.Clock;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import vn.dieuhanh.platform.SingleSignOn;

/**
 * Single sign-on with OpenID Connect (docs/sso.md), off unless {@code dieuhanh.sso.issuer-uri} is set. On: the web
 * app's login page offers the provider's login ({@link SingleSignOn}), and {@code /api}, {@code /engine-rest}, the API
 * docs and actuator accept {@code Authorization: Bearer} access tokens of the provider beside HTTP Basic, which stays
 * for service accounts and the demo.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SsoProperties.class)
class SsoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SsoConfiguration.class);

    /** Between the login throttle ({@code +10}) and the Basic authentication filters ({@code +20}). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 15;

    @Bean
    SingleSignOn singleSignOn(SsoProperties properties, IdentityService identityService, Clock clock,
                              ObjectProvider<LoginRecorder> logins) {
        if (!properties.enabled()) {
            return new DisabledSingleSignOn();
        }
        if (SsoProperties.blank(properties.clientId()) || SsoProperties.blank(properties.clientSecret())) {
            throw new IllegalStateException("dieuhanh.sso.issuer-uri is set: dieuhanh.sso.client-id and "
                    + "DIEUHANH_SSO_CLIENT_SECRET (dieuhanh.sso.client-secret) are required too (docs/sso.md)");
        }
        log.info("Single sign-on with {} as client {} (user claim {}, groups claim {})", properties.issuerUri(),
                properties.clientId(), properties.usernameClaim(),
                properties.groupsClaim() == null ? "not checked" : properties.groupsClaim());
        return new OidcSingleSignOn(provider(properties, clock), new TokenOfficials(identityService, properties,
                logins.getIfAvailable()));
    }

    @Bean
    @ConditionalOnProperty(prefix = "dieuhanh.sso", name = "issuer-uri")
    FilterRegistrationBean<BearerTokenFilter> bearerTokenAuthentication(SsoProperties properties,
                                                                       IdentityService identityService, Clock clock,
                                                                       ObjectProvider<LoginRecorder> logins) {
        FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(
                new BearerTokenFilter(provider(properties, clock), new TokenOfficials(identityService, properties,
                logins.getIfAvailable())));
        registration.setName("dieuhanh-bearer-token-authentication");
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/actuator/*", "/v3/api-docs", "/v3/api-docs/*",
                "/swagger-ui.html", "/swagger-ui/*");
        registration.setOrder(ORDER);
        registration.setEnabled(properties.enabled());
        return registration;
    }

    private OidcProvider sharedProvider;

    /** One provider (one discovery, one key cache) for both beans. */
    private synchronized OidcProvider provider(SsoProperties properties, Clock clock) {
        if (sharedProvider == null) {
            sharedProvider = new OidcProvider(properties, clock);
        }
        return sharedProvider;
    }
}
