package vn.dieuhanh.platform.security;

import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import vn.dieuhanh.platform.LoginRecorder;
import vn.dieuhanh.platform.Roles;

/**
 * Camunda's database identity provider with the application's login throttle ({@link LoginThrottle}) in place of
 * Camunda's own lock-out. Every password check of the engine goes through here: HTTP Basic on {@code /api} and
 * {@code /engine-rest}, the webapps' login form, and the Java API.
 *
 * <ul>
 *   <li>Camunda's lock is off: failures never lock an account for good and are not written to {@code ACT_ID_USER}
 *       (accounts locked by an earlier version are let in again, and their counter is reset on the next success).</li>
 *   <li>While the throttle locks the account name or the source address, the password is not checked at all.</li>
 *   <li>A deactivated account ({@link LoginRecorder#isDeactivated}, an official who left) is refused like a wrong
 *       password; every success is recorded ({@link LoginRecorder#loggedIn}).</li>
 *   <li>Unknown users cost what wrong passwords cost: the same queries, a password hash compared, the same
 *       counting, the same {@code false}.</li>
 * </ul>
 *
 * <p>It uses the engine's internal identity classes (there is no public extension point for this); a move to a
 * Camunda 7 fork keeps them under another package name.
 */
class ThrottledIdentityProvider extends DbIdentityServiceProvider {

    private static final String DUMMY_SALT = "dieuhanh-no-such-user";
    private static volatile String dummyHash;

    private final LoginThrottle throttle;
    private final Supplier<LoginRecorder> recorder;

    ThrottledIdentityProvider(LoginThrottle throttle, Supplier<LoginRecorder> recorder) {
        this.throttle = throttle;
        this.recorder = recorder;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        if (userId == null || password == null) {
            return false;
        }
        String source = LoginSource.current();
        if (throttle.retryAfter(source, userId).isPresent()) {
            return false;
        }
        UserEntity user = findUserById(userId);
        boolean matches = user != null ? matchPassword(password, user) : matchesNothing(password);
        LoginRecorder logins = recorder.get();
        if (matches && logins != null && logins.isDeactivated(userId)) {
            matches = false; // a leaver (docs/accounts.md): the right password lets nobody in, counted like a wrong one
        }
        if (matches) {
            unlockUser(user);
            throttle.succeeded(userId);
            if (logins != null) {
                logins.loggedIn(userId, "password");
            }
        } else {
            throttle.failed(source, userId, !existsMembership(userId, Roles.ADMIN));
        }
        return matches;
    }

    @Override
    protected boolean isUserLocked(UserEntity user) {
        return false;
    }

    @Override
    protected void lockUser(UserEntity user) {
        // Camunda's lock-out (growing delays, locked for good after loginMaxAttempts) is replaced by LoginThrottle.
    }

    /** Compares with a hash no password matches, as long as a real comparison takes. */
    private static boolean matchesNothing(String password) {
        ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
        String hash = dummyHash;
        if (hash == null) {
            hash = configuration.getPasswordManager().encrypt(EncryptionUtil.saltPassword(
                    UUID.randomUUID().toString(), DUMMY_SALT));
            dummyHash = hash;
        }
        configuration.getPasswordManager().check(EncryptionUtil.saltPassword(password, DUMMY_SALT), hash);
        return false;
    }

    /** Opens one provider per command, like Camunda's {@code GenericManagerFactory}, with the throttle. */
    static final class Factory implements SessionFactory {

        private final LoginThrottle throttle;
        private final Supplier<LoginRecorder> recorder;

        Factory(LoginThrottle throttle, Supplier<LoginRecorder> recorder) {
            this.throttle = throttle;
            this.recorder = recorder;
        }

        @Override
        public Class<?> getSessionType() {
            return ThrottledIdentityProvider.class;
        }

        @Override
        public Session openSession() {
            return new ThrottledIdentityProvider(throttle, recorder);
        }
    }
}
