package vn.dieuhanh.platform;

import java.time.Duration;
import java.util.Optional;

/**
 * A password login door for the application's own pages (the web app's login form): the same accounts and the same
 * throttling as HTTP Basic on {@code /api} and {@code /engine-rest} and the webapps' login (docs/security-login.md).
 */
public interface PasswordLogins {

    /** How long {@code userId} must wait when logging in from {@code sourceAddress}; empty: it may try now. */
    Optional<Duration> retryAfter(String sourceAddress, String userId);

    /**
     * Checks the password through the engine's identity service; a failure is counted against the account and the
     * source address, a success clears the account's failures. Unknown users and wrong passwords look the same.
     */
    boolean check(String userId, String password, String sourceAddress);

    /** The Vietnamese-first message of a locked account or address, as every login door words it. */
    static String tooManyFailures(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return "Đăng nhập sai quá nhiều lần, vui lòng thử lại sau " + seconds + " giây (too many failed logins, retry in "
                + seconds + " s)";
    }
}
