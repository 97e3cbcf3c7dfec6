package vn.dieuhanh.platform.security;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import vn.dieuhanh.platform.LoginRecorder;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import vn.dieuhanh.platform.sso.BasicOrBearerAuthenticationProvider;

/**
 * Security on by default. {@code /engine-rest/*}: Camunda's own authentication filter with HTTP Basic (it leaves only
 * {@code GET /engine-rest/engine} open). {@code /api/*}, the API docs and actuator (except health): HTTP Basic against the
 * same identity service; Prometheus metrics and {@code /api/admin/security} for admins only. The webapps
 * ({@code /camunda/*}) have their own login. With single sign-on configured (docs/sso.md) both also accept the
 * provider's bearer tokens ({@code platform.sso}: verified in front, Basic otherwise, the modules behind untouched).
 *
 * <p>In front of all of them: {@link AmbiguousPathFilter} (one URL rule, {@link RequestPaths}) and
 * {@link LoginThrottleFilter}; the engine checks passwords through {@link ThrottledIdentityProvider}.
 * See docs/security-login.md.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginThrottleProperties.class)
class WebSecurityConfiguration {

    static final Set<String> OPEN_PATHS = Set.of("/actuator/health", "/actuator/health/liveness",
            "/actuator/health/readiness");
    /** Open one segment below: the citizens' anonymous dossier lookup {@code /api/public/dossiers/{code}} (rate
     * limited by the dossier capability; the page {@code /tra-cuu-ho-so} is outside {@code /api}). */
    static final List<String> OPEN_PARENTS = List.of("/api/public/dossiers");
    static final List<String> ADMIN_ONLY = List.of("/actuator/prometheus", "/api/admin/security",
            "/api/admin/officials");

    @Bean
    LoginThrottle loginThrottle(LoginThrottleProperties properties, Clock clock) {
        return new LoginThrottle(properties, clock);
    }

    /** Replaces Camunda's identity provider by the throttled one (Camunda's permanent lock-out off). */
    @Bean
    ProcessEnginePlugin loginThrottlePlugin(LoginThrottle throttle, ObjectProvider<LoginRecorder> recorder) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setIdentityProviderSessionFactory(new ThrottledIdentityProvider.Factory(throttle,
                        recorder::getIfAvailable));
            }
        };
    }

    @Bean
    FilterRegistrationBean<AmbiguousPathFilter> ambiguousPathRejection() {
        FilterRegistrationBean<AmbiguousPathFilter> registration = new FilterRegistrationBean<>(new AmbiguousPathFilter());
        registration.setName("dieuhanh-ambiguous-path-rejection");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle) {
        FilterRegistrationBean<LoginThrottleFilter> registration =
                new FilterRegistrationBean<>(new LoginThrottleFilter(throttle));
        registration.setName("dieuhanh-login-throttle");
        registration.addUrlPatterns("/api/*", "/actuator/*", "/v3/api-docs", "/v3/api-docs/*", "/swagger-ui.html",
                "/swagger-ui/*", "/engine-rest/*", "/camunda/api/admin/auth/user/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** After the authentication filters, before the web app's and the Camunda webapps' session handling. */
    @Bean
    FilterRegistrationBean<DeactivatedSessionFilter> deactivatedSessionEnd(ObjectProvider<LoginRecorder> recorder,
                                                                         java.time.Clock clock) {
        FilterRegistrationBean<DeactivatedSessionFilter> registration =
                new FilterRegistrationBean<>(new DeactivatedSessionFilter(recorder::getIfAvailable, clock));
        registration.setName("dieuhanh-deactivated-session-end");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 22);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                BasicOrBearerAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identityService) {
        FilterRegistrationBean<ApiAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService, OPEN_PATHS, OPEN_PARENTS,
                        ADMIN_ONLY));
        registration.setName("dieuhanh-api-authentication");
        registration.addUrlPatterns("/api/*", "/actuator/*", "/v3/api-docs", "/v3/api-docs/*", "/swagger-ui.html",
                "/swagger-ui/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
