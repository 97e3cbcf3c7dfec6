package vn.dieuhanh.platform.security;

/**
 * The source address of the login attempt being handled on this thread, set by {@link LoginThrottleFilter} for the
 * login doors and read by {@link ThrottledIdentityProvider}; null when a password is checked outside a request.
 */
final class LoginSource {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private LoginSource() {
    }

    static String current() {
        return CURRENT.get();
    }

    static void set(String address) {
        CURRENT.set(address);
    }

    static void clear() {
        CURRENT.remove();
    }
}
