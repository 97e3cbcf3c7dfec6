package vn.dieuhanh.platform.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Administrators' view of login throttling; admin-only by {@link WebSecurityConfiguration#ADMIN_ONLY}. */
@RestController
@RequestMapping("/api/admin/security")
@Tag(name = "Quản trị đăng nhập", description = "Locked accounts and addresses, recent failed logins (administrators)")
class LoginSecurityController {

    private final LoginThrottle throttle;

    LoginSecurityController(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @GetMapping("/login-failures")
    @Operation(summary = "Locks in force (account names and source addresses) and the most recent failed logins on "
            + "this node, newest first, with the policy")
    LoginThrottle.Report loginFailures() {
        return throttle.report();
    }

    @DeleteMapping("/login-locks/{kind}/{key}")
    @Operation(summary = "Release the lock of an account name (kind 'account') or source address (kind 'source') "
            + "before it expires, on this node")
    ResponseEntity<Void> release(@PathVariable String kind, @PathVariable String key) {
        if (!LoginThrottle.ACCOUNT.equals(kind) && !LoginThrottle.SOURCE.equals(kind)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Loại khoá phải là 'account' hoặc 'source' "
                    + "(kind must be 'account' or 'source')");
        }
        if (!throttle.release(kind, key)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Không có khoá hay lần đăng nhập sai nào cho "
                    + kind + " '" + key + "' (nothing recorded for this " + kind + ")");
        }
        return ResponseEntity.noContent().build();
    }
}
