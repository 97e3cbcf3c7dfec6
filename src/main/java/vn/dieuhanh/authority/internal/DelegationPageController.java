package vn.dieuhanh.authority.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dieuhanh.organisation.CurrentOfficial;
import vn.dieuhanh.platform.Conflict;
import vn.dieuhanh.platform.Forbidden;
import vn.dieuhanh.platform.InputLimits;
import vn.dieuhanh.platform.InputRejected;
import vn.dieuhanh.platform.WebPage;

/**
 * The web app's pages for delegation decisions, beside {@code /chung-thuc}: the ward's justice officer drafts a
 * decision ({@code /chung-thuc/uy-quyen/moi}), the chairman revokes one, the new chairman confirms or revokes each
 * after a change of chairman, administrators record that change, and the Department of Justice reads every ward's
 * decisions ({@code /chung-thuc/bao-cao}, with an .xlsx export). Same services, rules and messages as
 * {@code /api/authority}; identity from the session. Another ward's records are 404, a refused role 403 (the error
 * page); a rule broken in a form (400, 409) comes back as the service's message on the page.
 */
@Controller
@WebPage
class DelegationPageController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final DelegationService delegations;
    private final WardOffice office;
    private final DelegationExcelExport excel;

    DelegationPageController(DelegationService delegations, WardOffice office, DelegationExcelExport excel) {
        this.delegations = delegations;
        this.office = office;
        this.excel = excel;
    }

    // --- drafting (the ward's justice officer)

    @GetMapping("/chung-thuc/uy-quyen/moi")
    String draftForm(CurrentOfficial me, Model model) {
        model.addAttribute("nav", "chung-thuc");
        model.addAttribute("options", delegations.draftOptions(wardOf(me)));
        return "authority/delegation-draft";
    }

    @PostMapping("/chung-thuc/uy-quyen")
    String draft(CurrentOfficial me, @RequestParam(required = false) String decisionNumber,
                 @RequestParam(required = false) String decisionDate,
                 @RequestParam(name = "delegates", required = false) List<String> delegates,
                 @RequestParam(name = "scope", required = false) List<String> scope,
                 @RequestParam(required = false) String validFrom, @RequestParam(required = false) String validTo,
                 RedirectAttributes redirect) {
        String unit = wardOf(me);
        delegations.draftOptions(unit); // 403 / 404 before any rule on the form's content
        try {
            String number = line(decisionNumber, "Số quyết định", 100);
            DelegationService.View done = delegations.draft(new DelegationService.Draft(unit, number,
                    date(decisionDate, "Ngày quyết định"), null, limited(delegates, 50), limited(scope, 13),
                    date(validFrom, "Hiệu lực từ ngày"), date(validTo, "Hiệu lực đến hết ngày")));
            redirect.addFlashAttribute("notice", "Đã lập dự thảo quyết định số " + done.decisionNumber()
                    + ", chờ Chủ tịch ký");
            return "redirect:/chung-thuc";
        } catch (InputRejected | Conflict e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/chung-thuc/uy-quyen/moi";
        }
    }

    // --- revocation (the chairman) and confirmation after a change of chairman (the new chairman)

    @PostMapping("/chung-thuc/uy-quyen/{id}/thu-hoi")
    String revoke(@PathVariable String id, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect) {
        return outcome(redirect, () -> {
            DelegationService.View done = delegations.revoke(id, text(reason, "Lý do thu hồi", InputLimits.REASON));
            return "Đã thu hồi quyết định số " + done.decisionNumber();
        });
    }

    @PostMapping("/chung-thuc/uy-quyen/{id}/xac-nhan")
    String confirm(@PathVariable String id, @RequestParam(required = false) String confirmed,
                   @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return outcome(redirect, () -> {
            DelegationService.View done = delegations.confirm(id, "true".equals(confirmed),
                    optional(note, InputLimits.REASON));
            return "Quyết định số " + done.decisionNumber() + ": " + done.statusLabel();
        });
    }

    // --- the Department of Justice's report, and the change of chairman (administrators)

    record Option(String value, String label) {
    }

    @GetMapping("/chung-thuc/bao-cao")
    String report(CurrentOfficial me, @RequestParam(name = "phuong", required = false) String ward,
                  @RequestParam(name = "trang-thai", required = false) String status, Model model) {
        List<DelegationService.View> rows = delegations.citywide(ward, status);
        model.addAttribute("nav", "chung-thuc");
        model.addAttribute("rows", rows);
        model.addAttribute("ward", ward == null ? "" : ward.strip());
        model.addAttribute("status", status == null ? "" : status.strip());
        model.addAttribute("wards", office.wards());
        model.addAttribute("statuses", statusOptions());
        model.addAttribute("inForce", rows.stream().filter(DelegationService.View::inForceToday).count());
        model.addAttribute("admin", me.isAdministrator());
        model.addAttribute("today", delegations.today());
        return "authority/delegation-report";
    }

    @GetMapping("/chung-thuc/bao-cao.xlsx")
    ResponseEntity<byte[]> reportWorkbook(@RequestParam(name = "phuong", required = false) String ward,
                                          @RequestParam(name = "trang-thai", required = false) String status) {
        List<DelegationService.View> rows = delegations.citywide(ward, status);
        LocalDate today = delegations.today();
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("uy-quyen-chung-thuc-" + today + ".xlsx").build().toString())
                .body(excel.delegations(today, rows));
    }

    @PostMapping("/chung-thuc/chu-tich")
    String chairmanChange(@RequestParam(name = "phuong", required = false) String ward,
                          @RequestParam(required = false) String newChairman, RedirectAttributes redirect) {
        try {
            List<DelegationService.View> waiting = delegations.chairmanChanged(line(ward, "Phường, xã", 100),
                    line(newChairman, "Tài khoản Chủ tịch mới", InputLimits.USER_ID));
            redirect.addFlashAttribute("notice", "Đã ghi nhận Chủ tịch mới; " + waiting.size()
                    + " quyết định ủy quyền chờ Chủ tịch mới xác nhận");
        } catch (InputRejected | Conflict e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/chung-thuc/bao-cao";
    }

    static List<Option> statusOptions() {
        List<Option> options = new ArrayList<>(List.of(new Option("", "Tất cả trạng thái"),
                new Option(DelegationService.IN_FORCE, "Đang có hiệu lực hôm nay")));
        DelegationService.STATUSES.forEach(s -> options.add(new Option(s, DelegationService.statusLabel(s))));
        return options;
    }

    // --- helpers

    /** The caller's ward; an official outside wards has no drafting form (403). */
    private String wardOf(CurrentOfficial me) {
        if (me.unit() == null || !me.unit().kind().isLocal()) {
            throw new Forbidden("Chỉ công chức Tư pháp - Hộ tịch của phường, xã, đặc khu lập dự thảo quyết định ủy "
                    + "quyền (only a ward's justice officer drafts delegation decisions)");
        }
        return me.unitCode();
    }

    /** Runs a decision: 403 and 404 propagate (error page); a broken rule comes back as a message on /chung-thuc. */
    private static String outcome(RedirectAttributes redirect, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
        } catch (InputRejected | Conflict e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/chung-thuc";
    }

    private static String text(String value, String label, int max) {
        if (value == null || value.isBlank()) {
            throw new InputRejected("Cần nhập " + label.toLowerCase() + " (" + label + " is required)");
        }
        return optional(value, max);
    }

    private static String line(String value, String label, int max) {
        String clean = text(value, label, max);
        if (clean.contains("\n") || clean.contains("\r")) {
            throw new InputRejected(label + " chỉ gồm một dòng (" + label + " must be a single line)");
        }
        return clean;
    }

    private static String optional(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = value.strip();
        if (clean.length() > max || clean.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            throw new InputRejected("Nội dung quá dài hoặc có ký tự không hợp lệ (at most " + max + " characters, no "
                    + "control characters)");
        }
        return clean;
    }

    private static LocalDate date(String value, String label) {
        if (value == null || value.isBlank()) {
            throw new InputRejected("Cần nhập " + label.toLowerCase() + " (" + label + " is required)");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InputRejected(label + " không hợp lệ: " + value.strip() + " (a date yyyy-MM-dd is required)");
        }
    }

    private static List<String> limited(List<String> values, int max) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > max) {
            throw new InputRejected("Chọn tối đa " + max + " mục (at most " + max + " choices)");
        }
        return values.stream().map(v -> optional(v, InputLimits.USER_ID)).filter(v -> v != null).toList();
    }
}
