package vn.dieuhanh.platform.sso;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * {@code /engine-rest}'s authentication provider (Camunda's ProcessEngineAuthenticationFilter instantiates it by class
 * name): the official of a bearer token already verified by {@link BearerTokenFilter}, with the groups and tenants it
 * computed, else HTTP Basic exactly as before.
 */
public class BasicOrBearerAuthenticationProvider extends HttpBasicAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        BearerAuthentication bearer = BearerAuthentication.of(request);
        if (bearer == null) {
            return super.extractAuthenticatedUser(request, engine);
        }
        AuthenticationResult result = AuthenticationResult.successful(bearer.userId());
        result.setGroups(bearer.groupIds());
        result.setTenants(bearer.tenantIds());
        return result;
    }
}
