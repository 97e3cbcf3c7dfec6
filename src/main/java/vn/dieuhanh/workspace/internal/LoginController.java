package vn.dieuhanh.workspace.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dieuhanh.platform.PasswordLogins;
import vn.dieuhanh.platform.SingleSignOn;

/**
 * The web app's login page ({@code /dang-nhap}) and logout ({@code POST /dang-xuat}). Passwords are checked by the
 * engine's identity service through the login throttle, like every other door; a locked account or address gets the
 * same Vietnamese message with 429.
 */
@Controller
class LoginController {

    static final int MAX_USER_ID = 150;
    static final int MAX_PASSWORD = 256;

    private final PasswordLogins logins;
    private final ProcessEngine engine;
    private final SingleSignOn singleSignOn;

    LoginController(PasswordLogins logins, ProcessEngine engine, SingleSignOn singleSignOn) {
        this.logins = logins;
        this.engine = engine;
        this.singleSignOn = singleSignOn;
    }

    /** The button "Đăng nhập bằng tài khoản một cửa (SSO)" when single sign-on is configured (docs/sso.md). */
    @ModelAttribute("ssoEnabled")
    boolean ssoEnabled() {
        return singleSignOn.enabled();
    }

    @GetMapping("/dang-nhap")
    String page(@RequestParam(name = "tiep", required = false) String next,
                @RequestParam(name = "da-dang-xuat", required = false) String loggedOut,
                HttpServletRequest request, Model model) {
        if (WebSession.login(request.getSession(false), engine) != null) {
            return "redirect:" + safeNext(next);
        }
        WebSession.csrfToken(request);
        model.addAttribute("next", safeNext(next));
        if (loggedOut != null) {
            model.addAttribute("notice", "Bạn đã đăng xuất.");
        }
        return "workspace/login";
    }

    @PostMapping("/dang-nhap")
    String login(@RequestParam(name = "username", defaultValue = "") String username,
                 @RequestParam(name = "password", defaultValue = "") String password,
                 @RequestParam(name = "tiep", required = false) String next,
                 HttpServletRequest request, HttpServletResponse response, Model model) {
        String userId = username.strip();
        model.addAttribute("username", userId.length() > MAX_USER_ID ? "" : userId);
        model.addAttribute("next", safeNext(next));
        if (userId.isEmpty() || password.isEmpty() || userId.length() > MAX_USER_ID
                || password.length() > MAX_PASSWORD) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", "Vui lòng nhập tên đăng nhập và mật khẩu (user name and password required)");
            return "workspace/login";
        }
        String source = request.getRemoteAddr();
        Optional<Duration> wait = logins.retryAfter(source, userId);
        if (wait.isEmpty() && logins.check(userId, password, source)) {
            WebSession.signIn(request, engine, userId);
            return "redirect:" + safeNext(next);
        }
        wait = logins.retryAfter(source, userId);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(seconds));
            model.addAttribute("error", PasswordLogins.tooManyFailures(wait.get()));
        } else {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            model.addAttribute("error",
                    "Tên đăng nhập hoặc mật khẩu không đúng (wrong user name or password)");
        }
        return "workspace/login";
    }

    @PostMapping("/dang-xuat")
    String logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/dang-nhap?da-dang-xuat";
    }

    /** Only a path of this application (no scheme, no host, no {@code //}), else {@code /}. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.length() > 500 || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }
}
