package vn.dieuhanh.platform.security;

import java.time.Duration;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;
import vn.dieuhanh.platform.PasswordLogins;

/** {@link PasswordLogins} through the engine's identity service, i.e. {@link ThrottledIdentityProvider}. */
@Component
class ThrottledPasswordLogins implements PasswordLogins {

    private final LoginThrottle throttle;
    private final IdentityService identityService;

    ThrottledPasswordLogins(LoginThrottle throttle, IdentityService identityService) {
        this.throttle = throttle;
        this.identityService = identityService;
    }

    @Override
    public Optional<Duration> retryAfter(String sourceAddress, String userId) {
        return throttle.retryAfter(sourceAddress, userId);
    }

    @Override
    public boolean check(String userId, String password, String sourceAddress) {
        LoginSource.set(sourceAddress);
        try {
            return identityService.checkPassword(userId, password);
        } finally {
            LoginSource.clear();
        }
    }
}
