package vn.dieuhanh.accounts.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.dieuhanh.accounts.internal.ImportRepository.ImportRecord;
import vn.dieuhanh.organisation.CurrentOfficial;
import vn.dieuhanh.platform.Forbidden;
import vn.dieuhanh.platform.InputRejected;

/**
 * The staff-list import and the accounts report, for administrators ({@code camunda-admin}): admin-only by the
 * platform's API filter ({@code /api/admin/officials}) and checked again here.
 */
@RestController
@RequestMapping("/api/admin/officials")
@Tag(name = "Quản trị cán bộ", description = "Import of the city's staff list, movers and leavers, accounts report")
class AccountsController {

    static final String TEMPLATE = "accounts/mau-danh-sach-can-bo";

    private final OfficialImport imports;
    private final AccountsReport report;

    AccountsController(OfficialImport imports, AccountsReport report) {
        this.imports = imports;
        this.report = report;
    }

    static void requireAdministrator(CurrentOfficial me) {
        if (me == null || !me.isAdministrator()) {
            throw new Forbidden("Chỉ quản trị viên được quản lý tài khoản cán bộ (administrators only)");
        }
    }

    record ImportResponse(String id, String fileName, String fileHash, String status, boolean applicable,
                          Map<String, Integer> counts, String previewedBy, String previewedAt, String appliedBy,
                          String appliedAt, List<OfficialImport.RefusedRow> refusedRows,
                          List<OfficialImport.ChangeView> changes) {

        static ImportResponse of(OfficialImport.ImportView view) {
            ImportRecord r = view.record();
            return new ImportResponse(r.id(), r.fileName(), r.fileHash(), r.status(), view.applicable(),
                    AccountsController.counts(r), r.previewedBy(), String.valueOf(r.previewedAt()), r.appliedBy(),
                    r.appliedAt() == null ? null : r.appliedAt().toString(), view.refusedRows(), view.changes());
        }
    }

    static Map<String, Integer> counts(ImportRecord r) {
        return Map.of("rows", r.rowCount(), "refused", r.refusedCount(), "new", r.newCount(), "moved",
                r.movedCount(), "changed", r.changedCount(), "leaving", r.leavingCount(), "unchanged",
                r.unchangedCount());
    }

    @PostMapping(path = "/import/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload the staff list (CSV or .xlsx, field 'file'): validates every row and shows what "
            + "applying it would change; nothing is changed yet")
    ImportResponse preview(@RequestParam("file") MultipartFile file, CurrentOfficial me) throws IOException {
        requireAdministrator(me);
        return ImportResponse.of(imports.preview(file.getOriginalFilename(), file.getBytes(), me.userId()));
    }

    record ApplyRequest(String fileHash, Map<String, String> holders) {
    }

    @PostMapping("/import/{id}/apply")
    @Operation(summary = "Apply exactly the preview {id}: fileHash must be the preview's; holders (optional) maps a "
            + "mover or leaver to who receives their open work instead of their former unit's head")
    ImportResponse apply(@PathVariable String id, @RequestBody ApplyRequest request, CurrentOfficial me) {
        requireAdministrator(me);
        if (request == null || request.fileHash() == null) {
            throw new InputRejected("Thiếu mã tệp fileHash của bản xem trước (fileHash required)");
        }
        return ImportResponse.of(imports.apply(id, request.fileHash(), request.holders(), me.userId()));
    }

    @GetMapping("/import/{id}")
    @Operation(summary = "One preview or applied import, with its refused rows and changes (the audit)")
    ImportResponse one(@PathVariable String id, CurrentOfficial me) {
        requireAdministrator(me);
        return ImportResponse.of(imports.view(id));
    }

    @GetMapping("/import")
    @Operation(summary = "The 20 most recent imports (previewed, refused, applied)")
    List<ImportRecord> recent(CurrentOfficial me) {
        requireAdministrator(me);
        return imports.recent();
    }

    @GetMapping("/import/template.{format}")
    @Operation(summary = "The staff-list template, 'csv' or 'xlsx'")
    ResponseEntity<byte[]> template(@PathVariable String format, CurrentOfficial me) throws IOException {
        requireAdministrator(me);
        return templateFile(format);
    }

    static ResponseEntity<byte[]> templateFile(String format) throws IOException {
        if (!"csv".equals(format) && !"xlsx".equals(format)) {
            throw new InputRejected("Mẫu có dạng csv hoặc xlsx (format must be csv or xlsx)");
        }
        try (InputStream in = new ClassPathResource(TEMPLATE + "." + format).getInputStream()) {
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("mau-danh-sach-can-bo." + format).build().toString())
                    .contentType("csv".equals(format) ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                            : MediaType.parseMediaType(
                                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .body(in.readAllBytes());
        }
    }

    @GetMapping("/report")
    @Operation(summary = "Accounts report: deactivated accounts, least recent logins, accounts without a unit, units "
            + "without a head")
    AccountsReport.Report report(CurrentOfficial me) {
        requireAdministrator(me);
        return report.report();
    }
}
