package vn.dieuhanh.dossier.internal;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dieuhanh.dossier.DossierStatus;
import vn.dieuhanh.platform.InputLimits;
import vn.dieuhanh.platform.InputRejected;
import vn.dieuhanh.platform.NotFound;
import vn.dieuhanh.platform.PlainText;
import vn.dieuhanh.platform.SingleLine;

/** Dossiers for officials: reference data, reception, the handling steps, a dossier's trail, oversight. */
@RestController
class DossierController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final DossierService dossiers;
    private final DossierActions actions;
    private final DossierAccess access;
    private final DossierReferenceData data;
    private final DossierOversight oversight;

    DossierController(DossierService dossiers, DossierActions actions, DossierAccess access, DossierReferenceData data,
                      DossierOversight oversight) {
        this.dossiers = dossiers;
        this.actions = actions;
        this.access = access;
        this.data = data;
        this.oversight = oversight;
    }

    @GetMapping("/api/dossier-reception-points")
    @Operation(summary = "The 41 reception points (what public sources could not confirm is marked)")
    List<ReceptionPoint> points() {
        access.caller();
        return data.points();
    }

    @GetMapping("/api/dossier-procedures")
    @Operation(summary = "The procedure catalogue")
    List<Procedure> procedures() {
        access.caller();
        return data.procedures();
    }

    @GetMapping("/api/dossier-procedures/{code}")
    @Operation(summary = "One procedure: the reception checklist, statutory time, fee")
    Procedure procedure(@PathVariable String code) {
        access.caller();
        return data.procedure(code).orElseThrow(() -> new NotFound("Không có thủ tục " + code
                + " (no such procedure)"));
    }

    record ReceptionRequest(@NotBlank @Size(max = 60) @SingleLine String receptionPoint,
                            @NotBlank @Size(max = 20) @SingleLine String procedureCode,
                            @Size(max = InputLimits.CODE) @SingleLine String unitCode,
                            @Size(max = 30) List<@Size(max = 300) @SingleLine String> papersPresented,
                            @Size(max = 300) @SingleLine String applicantName,
                            @Size(max = 300) @SingleLine String applicantContact,
                            Boolean returnByPost) {
    }

    @PostMapping("/api/dossiers")
    @Operation(summary = "Receive a dossier at a reception point: 201 with the receipt (code, security code shown "
            + "once, appointment) when every paper of the checklist is presented, else 200 with the written list of "
            + "missing papers and nothing received")
    ResponseEntity<DossierService.ReceptionResult> receive(@Valid @RequestBody ReceptionRequest request) {
        DossierService.ReceptionResult result = dossiers.receive(new DossierService.Reception(request.receptionPoint(),
                request.procedureCode(), request.unitCode(), request.papersPresented(), request.applicantName(),
                request.applicantContact(), Boolean.TRUE.equals(request.returnByPost())));
        return ResponseEntity.status(result.received() ? HttpStatus.CREATED : HttpStatus.OK).body(result);
    }

    record DossierView(String code, String procedureCode, String procedureName, String receptionPoint,
                       String unitCode, DossierStatus status, String statusLabel, int portalStatus,
                       Instant receivedAt, Instant appointmentAt, Instant firstAppointmentAt, Instant decidedAt,
                       Instant returnedAt, boolean late, int apologies, String applicantName, String reason,
                       List<DossierRepository.Event> events) {
    }

    @GetMapping("/api/dossiers/{code}")
    @Operation(summary = "A dossier and its trail, for the competent unit, the reception point and city readers")
    DossierView dossier(@PathVariable String code) {
        DossierRecord d = dossiers.byCode(code);
        access.requireReader(d, dossiers.point(d));
        return new DossierView(d.code(), d.procedureCode(), dossiers.procedure(d).name(), d.receptionPoint(),
                d.unitCode(), d.status(), d.status().label(), d.status().portalCode(), d.receivedAt(),
                d.appointmentAt(), d.firstAppointmentAt(), d.decidedAt(), d.returnedAt(), d.late(), d.apologies(),
                d.applicantName(), d.reason(), dossiers.events(d));
    }

    record ProcessingRequest(@NotBlank @Size(max = 20) String decision,
                             @Size(max = InputLimits.REASON) @PlainText String note) {
    }

    @PostMapping("/api/dossiers/{code}/processing")
    @Operation(summary = "The competent unit's official proposes: result, supplement (note: the missing papers) or "
            + "refusal (note: the reasons)")
    void process(@PathVariable String code, @Valid @RequestBody ProcessingRequest request) {
        actions.process(code, request.decision(), request.note());
    }

    @PostMapping("/api/dossiers/{code}/approval")
    @Operation(summary = "The unit head (or a deputy), never the proposer: approve or return")
    void approve(@PathVariable String code, @Valid @RequestBody ProcessingRequest request) {
        actions.approve(code, request.decision(), request.note());
    }

    @PostMapping("/api/dossiers/{code}/signature")
    @Operation(summary = "The signer records the signed result or refusal")
    void sign(@PathVariable String code) {
        actions.sign(code);
    }

    record ApologyRequest(@Size(max = InputLimits.REASON) @PlainText String reason,
                          @Min(1) @Max(30) Integer extraWorkingDays) {
    }

    @PostMapping("/api/dossiers/{code}/apology")
    @Operation(summary = "The apology letter with a new appointment (offered when the appointment is near)")
    void apologise(@PathVariable String code, @Valid @RequestBody ApologyRequest request) {
        actions.apologise(code, request.reason(), request.extraWorkingDays());
    }

    record NoteRequest(@Size(max = InputLimits.REASON) @PlainText String note) {
    }

    @PostMapping("/api/dossiers/{code}/supplement")
    @Operation(summary = "The reception point receives the requested papers: the clock resumes")
    void supplement(@PathVariable String code, @Valid @RequestBody(required = false) NoteRequest request) {
        actions.receiveSupplement(code, request == null ? null : request.note());
    }

    record ReturnRequest(Boolean byPost) {
    }

    @PostMapping("/api/dossiers/{code}/return")
    @Operation(summary = "The reception point hands the result over (or posts it)")
    void returnResult(@PathVariable String code, @RequestBody(required = false) ReturnRequest request) {
        actions.returnResult(code, request != null && Boolean.TRUE.equals(request.byPost()));
    }

    @GetMapping("/api/dossier-oversight")
    @Operation(summary = "Counts per reception point, unit or procedure (by=POINT|UNIT|PROCEDURE) of the dossiers "
            + "received from..to (dates in Vietnam): received, on time, late, paused, refused, open, timeliness %")
    List<DossierOversight.Line> oversight(@RequestParam String by,
                                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        access.requireAllReader();
        return oversight.lines(groupBy(by), from, to);
    }

    @GetMapping("/api/dossier-oversight.xlsx")
    @Operation(summary = "The same figures as Excel, one sheet per grouping")
    ResponseEntity<byte[]> oversightExcel(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        access.requireAllReader();
        byte[] content = oversight.workbook(from, to);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("ho-so-tthc-" + from + "-" + to + ".xlsx").build().toString())
                .body(content);
    }

    private static DossierOversight.GroupBy groupBy(String by) {
        try {
            return DossierOversight.GroupBy.valueOf(by.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InputRejected("by phải là POINT, UNIT hoặc PROCEDURE (by must be POINT, UNIT or PROCEDURE)");
        }
    }
}
