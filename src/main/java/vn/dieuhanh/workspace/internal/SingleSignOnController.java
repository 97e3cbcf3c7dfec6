package vn.dieuhanh.workspace.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dieuhanh.platform.Forbidden;
import vn.dieuhanh.platform.InputRejected;
import vn.dieuhanh.platform.NotFound;
import vn.dieuhanh.platform.SingleSignOn;

/**
 * Single sign-on into the web app's session (docs/sso.md): {@code /dang-nhap/sso} sends the browser to the city's
 * OpenID Connect provider, which returns it to {@code /dang-nhap/oidc}; the login is then kept in the session as
 * Camunda's webapp authentication ({@link WebSession}), so the web app and Tasklist, Cockpit and Admin know the official
 * at once. Logout ({@code POST /dang-xuat}) ends this session like a password login's. Both addresses are below the
 * open {@code /dang-nhap}; they answer 404 when single sign-on is not configured.
 */
@Controller
class SingleSignOnController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SingleSignOnController.class);

    private final SingleSignOn singleSignOn;
    private final ProcessEngine engine;

    SingleSignOnController(SingleSignOn singleSignOn, ProcessEngine engine) {
        this.singleSignOn = singleSignOn;
        this.engine = engine;
    }

    @GetMapping("/dang-nhap/sso")
    String begin(@RequestParam(name = "tiep", required = false) String next, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
        if (!singleSignOn.enabled()) {
            return refused(request, response, model, HttpServletResponse.SC_NOT_FOUND, next, null);
        }
        try {
            return "redirect:" + singleSignOn.begin(request, LoginController.safeNext(next));
        } catch (SingleSignOn.ProviderUnavailable e) {
            return unavailable(request, response, model, next, e);
        }
    }

    @GetMapping("/dang-nhap/oidc")
    String callback(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!singleSignOn.enabled()) {
            return refused(request, response, model, HttpServletResponse.SC_NOT_FOUND, null, null);
        }
        SingleSignOn.SignedIn login;
        try {
            login = singleSignOn.complete(request);
        } catch (Forbidden e) {
            return refused(request, response, model, HttpServletResponse.SC_FORBIDDEN, null, e.getMessage());
        } catch (InputRejected | NotFound e) {
            return refused(request, response, model, HttpServletResponse.SC_UNAUTHORIZED, null, e.getMessage());
        } catch (SingleSignOn.ProviderUnavailable e) {
            return unavailable(request, response, model, null, e);
        }
        WebSession.signIn(request, engine, login.userId(), login.groupIds(), login.tenantIds());
        return "redirect:" + LoginController.safeNext(login.next());
    }

    private String unavailable(HttpServletRequest request, HttpServletResponse response, Model model, String next,
                               SingleSignOn.ProviderUnavailable e) {
        log.warn("Single sign-on provider unavailable: {}", e.getMessage(), e);
        return refused(request, response, model, HttpServletResponse.SC_SERVICE_UNAVAILABLE, next,
                "Chưa kết nối được hệ thống đăng nhập một cửa, vui lòng thử lại sau hoặc đăng nhập bằng mật khẩu "
                        + "(identity provider unavailable)");
    }

    /** The login page with the reason, so the official can try again or use the password form. */
    private String refused(HttpServletRequest request, HttpServletResponse response, Model model, int status, String next, String message) {
        response.setStatus(status);
        WebSession.csrfToken(request);
        model.addAttribute("ssoEnabled", singleSignOn.enabled());
        model.addAttribute("next", LoginController.safeNext(next));
        model.addAttribute("error", message != null ? message
                : "Đăng nhập một cửa (SSO) chưa được cấu hình (single sign-on is not configured)");
        return "workspace/login";
    }
}
