package vn.dieuhanh.accounts.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.dieuhanh.organisation.CurrentOfficial;
import vn.dieuhanh.platform.InputRejected;
import vn.dieuhanh.platform.WebPage;

/**
 * The administrators' pages: {@code /quan-tri/can-bo} (upload the staff list, recent imports), {@code
 * /quan-tri/can-bo/nhap/{id}} (the preview: refused rows, changes, who receives the open work; apply), {@code
 * /quan-tri/tai-khoan} (the accounts report). The same services and messages as {@code /api/admin/officials}.
 */
@Controller
@WebPage
class AccountsPages {

    /** Form fields naming the receiver of a mover's or leaver's open work: {@code nguoi-nhan:<userId>}. */
    static final String HOLDER_FIELD = "nguoi-nhan:";

    private final OfficialImport imports;
    private final AccountsReport report;

    AccountsPages(OfficialImport imports, AccountsReport report) {
        this.imports = imports;
        this.report = report;
    }

    @GetMapping("/quan-tri/can-bo")
    String page(CurrentOfficial me, Model model) {
        AccountsController.requireAdministrator(me);
        model.addAttribute("recent", imports.recent());
        return "accounts/import";
    }

    @PostMapping("/quan-tri/can-bo/nhap")
    String preview(@RequestParam(name = "file", required = false) MultipartFile file, CurrentOfficial me)
            throws IOException {
        AccountsController.requireAdministrator(me);
        if (file == null || file.isEmpty()) {
            throw new InputRejected("Hãy chọn tệp danh sách cán bộ (.csv hoặc .xlsx) (choose a file)");
        }
        OfficialImport.ImportView view = imports.preview(file.getOriginalFilename(), file.getBytes(), me.userId());
        return "redirect:/quan-tri/can-bo/nhap/" + view.record().id();
    }

    @GetMapping("/quan-tri/can-bo/nhap/{id}")
    String view(@PathVariable String id, CurrentOfficial me, Model model) {
        AccountsController.requireAdministrator(me);
        OfficialImport.ImportView view = imports.view(id);
        model.addAttribute("view", view);
        model.addAttribute("r", view.record());
        model.addAttribute("holderField", HOLDER_FIELD);
        return "accounts/preview";
    }

    @PostMapping("/quan-tri/can-bo/nhap/{id}/ap-dung")
    String apply(@PathVariable String id, @RequestParam Map<String, String> form, CurrentOfficial me) {
        AccountsController.requireAdministrator(me);
        Map<String, String> holders = new HashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith(HOLDER_FIELD) && value != null && !value.isBlank()) {
                holders.put(name.substring(HOLDER_FIELD.length()), value.strip());
            }
        });
        imports.apply(id, form.get("fileHash"), holders, me.userId());
        return "redirect:/quan-tri/can-bo/nhap/" + id;
    }

    @GetMapping("/quan-tri/can-bo/mau.{format}")
    ResponseEntity<byte[]> template(@PathVariable String format, CurrentOfficial me) throws IOException {
        AccountsController.requireAdministrator(me);
        return AccountsController.templateFile(format);
    }

    @GetMapping("/quan-tri/tai-khoan")
    String report(CurrentOfficial me, Model model) {
        AccountsController.requireAdministrator(me);
        model.addAttribute("report", report.report());
        return "accounts/report";
    }
}
