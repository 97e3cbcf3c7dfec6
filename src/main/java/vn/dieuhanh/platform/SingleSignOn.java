package vn.dieuhanh.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;

/**
 * Single sign-on with the city's OpenID Connect provider for the web app's session login (docs/sso.md): the
 * authorization-code flow with PKCE, state and nonce. Off unless {@code dieuhanh.sso.issuer-uri} is configured; then
 * {@link #enabled()} is false and the other methods refuse.
 *
 * <p>The provider says who the person is (a configurable claim, {@code preferred_username} by default); the account,
 * its groups and everything it may see come from our tables. A user without an account here is refused, never
 * created.
 */
public interface SingleSignOn {

    boolean enabled();

    /**
     * Starts a login: remembers state, nonce, PKCE verifier and {@code next} in the request's session and returns the
     * provider's authorization URI to redirect the browser to.
     *
     * @throws ProviderUnavailable the provider's discovery document cannot be read
     */
    URI begin(HttpServletRequest request, String next);

    /**
     * Completes a login at the redirect URI: checks state, exchanges the code (with the PKCE verifier), validates the ID
     * token (signature, issuer, audience, expiry, nonce) and maps its user to an official of ours.
     *
     * @throws InputRejected a callback without a pending login, with a wrong state, or an error from the provider
     * @throws Forbidden     a valid login of someone who has no account here
     * @throws ProviderUnavailable the provider cannot be reached
     */
    SignedIn complete(HttpServletRequest request);

    /** The provider cannot be reached (discovery, token endpoint): the page answers 503 and the password form stays. */
    class ProviderUnavailable extends RuntimeException {
        public ProviderUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A completed login: our user, the groups he acts with (ours, cross-checked with the provider's claim when
     * configured), his tenants and where to go next. */
    record SignedIn(String userId, List<String> groupIds, List<String> tenantIds, String next) {
    }
}
