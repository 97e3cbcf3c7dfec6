package vn.dieuhanh.platform.sso;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import vn.dieuhanh.platform.NotFound;
import vn.dieuhanh.platform.SingleSignOn;

/** Single sign-on not configured: the login page shows no button and the SSO addresses answer 404. */
class DisabledSingleSignOn implements SingleSignOn {

    static final String OFF = "Đăng nhập một cửa (SSO) chưa được cấu hình (single sign-on is not configured)";

    @Override
    public boolean enabled() {
        return false;
    }

    @Override
    public URI begin(HttpServletRequest request, String next) {
        throw new NotFound(OFF);
    }

    @Override
    public SignedIn complete(HttpServletRequest request) {
        throw new NotFound(OFF);
    }
}
