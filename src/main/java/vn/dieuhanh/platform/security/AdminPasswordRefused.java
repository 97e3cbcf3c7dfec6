package vn.dieuhanh.platform.security;

/** Start-up refused because of the admin password; its message is the one line the operator sees. */
public class AdminPasswordRefused extends IllegalStateException {

    public AdminPasswordRefused(String message) {
        super(message);
    }
}
