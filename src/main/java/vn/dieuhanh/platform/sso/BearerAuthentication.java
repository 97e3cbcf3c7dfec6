package vn.dieuhanh.platform.sso;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * The official a valid bearer token named, left on the request by {@link BearerTokenFilter} for the authentication
 * filters behind it ({@code /api}: ApiAuthenticationFilter; {@code /engine-rest}: {@link BasicOrBearerAuthenticationProvider}).
 * A request attribute, which only code on the server can set.
 */
public record BearerAuthentication(String userId, List<String> groupIds, List<String> tenantIds) {

    static final String ATTRIBUTE = BearerAuthentication.class.getName();

    /** The bearer login of this request, or null (no token, or single sign-on off). */
    public static BearerAuthentication of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof BearerAuthentication login ? login : null;
    }
}
