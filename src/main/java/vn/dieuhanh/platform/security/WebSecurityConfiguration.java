package vn.dieuhanh.platform.security;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Security on by default. {@code /engine-rest/*}: Camunda's own authentication filter with HTTP Basic (it leaves only
 * {@code GET /engine-rest/engine} open). {@code /api/*}, the API docs and actuator (except health): HTTP Basic against the
 * same identity service; Prometheus metrics for admins only. The webapps
 * ({@code /camunda/*}) have their own login. OIDC can later replace both Basic filters without touching the modules
 * behind them.
 *
 * <p>In front of all of them: {@link AmbiguousPathFilter} (one URL rule, {@link RequestPaths}) .
 * See docs/security-login.md.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

    static final Set<String> OPEN_PATHS = Set.of("/actuator/health", "/actuator/health/liveness",
            "/actuator/health/readiness");
    static final List<String> ADMIN_ONLY = List.of("/actuator/prometheus");

    @Bean
    FilterRegistrationBean<AmbiguousPathFilter> ambiguousPathRejection() {
        FilterRegistrationBean<AmbiguousPathFilter> registration = new FilterRegistrationBean<>(new AmbiguousPathFilter());
        registration.setName("dieuhanh-ambiguous-path-rejection");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identityService) {
        FilterRegistrationBean<ApiAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService, OPEN_PATHS, ADMIN_ONLY));
        registration.setName("dieuhanh-api-authentication");
        registration.addUrlPatterns("/api/*", "/actuator/*", "/v3/api-docs", "/v3/api-docs/*", "/swagger-ui.html",
                "/swagger-ui/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
