package vn.dieuhanh.dossier.internal;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import vn.dieuhanh.platform.NotFound;

/**
 * The citizens' anonymous lookup (tra cứu hồ sơ): dossier code plus the security code printed on the receipt; only the
 * status and its dates, nothing personal (no name, address, contact, papers or reasons). Rate limited per source
 * address ({@link LookupThrottle}). The only doors open without a login besides health checks.
 */
@RestController
class DossierLookupController {

    static final String PAGE = "/tra-cuu-ho-so";
    static final String API = "/api/public/dossiers/{code}";

    private final DossierService dossiers;
    private final LookupThrottle throttle;

    DossierLookupController(DossierService dossiers, LookupThrottle throttle) {
        this.dossiers = dossiers;
        this.throttle = throttle;
    }

    @GetMapping(API)
    @Operation(summary = "Anonymous: a dossier's status and dates from its code and the receipt's security code "
            + "(ma-bao-mat); 404 for an unknown code or a wrong security code alike; 429 when over the rate limit")
    ResponseEntity<?> lookup(@PathVariable String code, @RequestParam(name = "ma-bao-mat", required = false)
                             String securityCode, HttpServletRequest request) {
        Optional<Duration> wait = throttle.acquire(request.getRemoteAddr());
        if (wait.isPresent()) {
            long seconds = seconds(wait.get());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                    "Tra cứu quá nhiều lần, vui lòng thử lại sau " + seconds + " giây (too many lookups, retry in "
                            + seconds + " s)");
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.ok(dossiers.lookup(code, securityCode));
    }

    @GetMapping(value = PAGE, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@RequestParam(name = "ma-ho-so", required = false) String code,
                                @RequestParam(name = "ma-bao-mat", required = false) String securityCode,
                                HttpServletRequest request) {
        StringBuilder result = new StringBuilder();
        HttpStatus status = HttpStatus.OK;
        if (code != null && !code.isBlank()) {
            Optional<Duration> wait = throttle.acquire(request.getRemoteAddr());
            if (wait.isPresent()) {
                status = HttpStatus.TOO_MANY_REQUESTS;
                result.append("<p class=\"loi\">Tra cứu quá nhiều lần, vui lòng thử lại sau ")
                        .append(seconds(wait.get())).append(" giây.</p>");
            } else {
                try {
                    DossierService.PublicView view = dossiers.lookup(code, securityCode);
                    result.append("<dl><dt>Mã hồ sơ</dt><dd>").append(esc(view.code()))
                            .append("</dd><dt>Trạng thái</dt><dd><strong>").append(esc(view.status()))
                            .append("</strong></dd><dt>Ngày tiếp nhận</dt><dd>").append(date(view.receivedAt()))
                            .append("</dd><dt>Ngày hẹn trả</dt><dd>").append(date(view.appointmentAt()))
                            .append("</dd>");
                    if (view.returnedAt() != null) {
                        result.append("<dt>Ngày trả kết quả</dt><dd>").append(date(view.returnedAt())).append("</dd>");
                    }
                    result.append("</dl><ol>");
                    for (DossierService.PublicStep step : view.steps()) {
                        result.append("<li>").append(esc(step.status())).append(": ").append(date(step.at()))
                                .append("</li>");
                    }
                    result.append("</ol>");
                } catch (NotFound e) {
                    status = HttpStatus.NOT_FOUND;
                    result.append("<p class=\"loi\">Không tìm thấy hồ sơ với mã hồ sơ và mã bảo mật đã nhập.</p>");
                }
            }
        }
        String html = """
                <!DOCTYPE html>
                <html lang="vi"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Tra cứu hồ sơ thủ tục hành chính</title>
                <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem}
                label{display:block;margin-top:.75rem}input{width:100%%;padding:.6rem;font-size:1rem;box-sizing:border-box}
                button{margin-top:1rem;padding:.7rem 1.2rem;font-size:1rem}.loi{color:#b00020}dt{font-weight:600}</style>
                </head><body>
                <h1>Tra cứu hồ sơ thủ tục hành chính</h1>
                <p>Nhập mã hồ sơ và mã bảo mật in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.</p>
                <form method="get" action="/tra-cuu-ho-so">
                <label for="ma-ho-so">Mã hồ sơ</label><input id="ma-ho-so" name="ma-ho-so" value="%s" maxlength="40" required>
                <label for="ma-bao-mat">Mã bảo mật</label><input id="ma-bao-mat" name="ma-bao-mat" maxlength="40" required autocomplete="off">
                <button type="submit">Tra cứu</button></form>
                <section aria-live="polite">%s</section>
                </body></html>
                """.formatted(code == null ? "" : esc(code), result);
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).contentType(
                new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8));
        builder.header(HttpHeaders.CACHE_CONTROL, "no-store");
        return builder.body(html);
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }

    private static String date(Instant instant) {
        return instant == null ? "" : esc(DossierService.text(instant));
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
