package vn.dieuhanh.authority.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.dieuhanh.authority.CertificationRequestProcess;
import vn.dieuhanh.platform.CalendarDate;
import vn.dieuhanh.platform.InputLimits;
import vn.dieuhanh.platform.PlainText;
import vn.dieuhanh.platform.SingleLine;

/**
 * Delegated signing authority for certification: the 13 tasks, delegation decisions, certification requests and
 * oversight. Identity from the login; which ward a record belongs to from our tables (another ward's records: 404).
 */
@RestController
@RequestMapping("/api/authority")
@Tag(name = "Ủy quyền ký chứng thực", description = "Delegated signing authority for certification (HCMC Resolution "
        + "29/2025/NQ-HĐND): delegation decisions, certification requests, the register and oversight")
class AuthorityController {

    record DelegationRequest(@NotBlank @Size(max = InputLimits.CODE) @SingleLine String unitCode,
                             @NotBlank @Size(max = 100) @SingleLine String decisionNumber,
                             @NotNull @CalendarDate LocalDate decisionDate,
                             @Size(max = InputLimits.USER_ID) @SingleLine String grantor,
                             @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = InputLimits.USER_ID) @SingleLine String> delegates,
                             @NotEmpty @Size(max = 13) List<@NotBlank @Size(max = 20) @SingleLine String> scope,
                             @NotNull @CalendarDate LocalDate validFrom,
                             @NotNull @CalendarDate LocalDate validTo) {
    }

    record Decision(@NotNull Boolean approved, @Size(max = InputLimits.REASON) @PlainText String note) {
    }

    record Confirmation(@NotNull Boolean confirmed, @Size(max = InputLimits.REASON) @PlainText String note) {
    }

    record Revocation(@NotBlank @Size(max = InputLimits.REASON) @PlainText String reason) {
    }

    record ChairmanChange(@NotBlank @Size(max = InputLimits.USER_ID) @SingleLine String newChairman) {
    }

    record WardSettingsRequest(@NotNull Boolean contractsMovedToNotary) {
    }

    record ReceptionRequest(@NotBlank @Size(max = InputLimits.CODE) @SingleLine String unitCode,
                            @NotBlank @Size(max = 20) @SingleLine String taskCode,
                            @NotBlank @Size(max = 255) @SingleLine String applicantName,
                            @Size(max = 30) @Pattern(regexp = "[0-9A-Za-z]*") String applicantIdNumber,
                            @NotNull @Min(1) @Max(1000) Integer copies,
                            @NotNull @Min(1) @Max(10000) Integer pages,
                            @NotNull @Min(0) @Max(100_000_000) Long fee) {
    }

    record SigningDecision(@NotBlank @Pattern(regexp = CertificationRequestProcess.DECISION_SIGN + "|"
                                   + CertificationRequestProcess.DECISION_REFUSE) String decision,
                           @Size(max = InputLimits.REASON) @PlainText String refusalReason) {
    }

    private final CertificationTasks tasks;
    private final DelegationService delegations;
    private final CertificationService certifications;
    private final OversightService oversight;

    AuthorityController(CertificationTasks tasks, DelegationService delegations, CertificationService certifications,
                        OversightService oversight) {
        this.tasks = tasks;
        this.delegations = delegations;
        this.certifications = certifications;
        this.oversight = oversight;
    }

    @GetMapping("/certification-tasks")
    @Operation(summary = "The 13 certification tasks a ward chairman may delegate (Resolution 29/2025/NQ-HĐND art. 3)")
    List<CertificationTask> certificationTasks() {
        return tasks.all();
    }

    // --- delegations

    @PostMapping("/delegations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draft a delegation decision (the ward's justice officer); the ward's chairman signs it in "
            + "Tasklist or with POST /delegations/{id}/decision")
    DelegationService.View draft(@Valid @RequestBody DelegationRequest r) {
        return delegations.draft(new DelegationService.Draft(r.unitCode(), r.decisionNumber(), r.decisionDate(),
                r.grantor(), r.delegates(), r.scope(), r.validFrom(), r.validTo()));
    }

    @GetMapping("/delegations")
    @Operation(summary = "A ward's delegation decisions, newest first (its officials and city-wide readers)")
    List<DelegationService.View> delegations(@RequestParam @Size(max = InputLimits.CODE) String unit) {
        return delegations.list(unit);
    }

    @GetMapping("/delegations/{id}")
    @Operation(summary = "One delegation decision; 404 for another ward's")
    DelegationService.View delegation(@PathVariable String id) {
        return delegations.view(delegations.visible(id));
    }

    @PostMapping("/delegations/{id}/decision")
    @Operation(summary = "The ward's chairman signs (approved=true) or refuses (with a note) the draft")
    DelegationService.View decide(@PathVariable String id, @Valid @RequestBody Decision decision) {
        return delegations.decide(id, decision.approved(), decision.note());
    }

    @PostMapping("/delegations/{id}/revocation")
    @Operation(summary = "The ward's chairman revokes a delegation in force, with a reason")
    DelegationService.View revoke(@PathVariable String id, @Valid @RequestBody Revocation revocation) {
        return delegations.revoke(id, revocation.reason());
    }

    @PostMapping("/delegations/{id}/confirmation")
    @Operation(summary = "After a change of chairman, the new chairman confirms (confirmed=true) or revokes (with a "
            + "note) the delegation")
    DelegationService.View confirm(@PathVariable String id, @Valid @RequestBody Confirmation confirmation) {
        return delegations.confirm(id, confirmation.confirmed(), confirmation.note());
    }

    // --- wards

    @GetMapping("/wards/{unitCode}")
    @Operation(summary = "A ward's certification settings: its chairman and whether contract certification has moved "
            + "to notaries")
    DelegationService.WardSettings ward(@PathVariable String unitCode) {
        return delegations.settings(unitCode);
    }

    @PutMapping("/wards/{unitCode}")
    @Operation(summary = "Set whether the ward's contract certification has moved to notary organisations "
            + "(administrators, Department of Justice)")
    DelegationService.WardSettings setWard(@PathVariable String unitCode,
                                           @Valid @RequestBody WardSettingsRequest request) {
        return delegations.setContractsMovedToNotary(unitCode, request.contractsMovedToNotary());
    }

    @PostMapping("/wards/{unitCode}/chairman-change")
    @Operation(summary = "Record a new chairman (administrators); each delegation in force waits for his "
            + "confirmation and routes nothing meanwhile")
    List<DelegationService.View> chairmanChange(@PathVariable String unitCode,
                                                @Valid @RequestBody ChairmanChange change) {
        return delegations.chairmanChanged(unitCode, change.newChairman());
    }

    // --- certification requests

    @PostMapping("/certification-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Receive a certification request at the ward's public service centre (an official of the "
            + "ward); routed to a delegate in force or the chairman and vice-chairmen; same-day deadline")
    CertificationService.View receive(@Valid @RequestBody ReceptionRequest r) {
        return certifications.receive(new CertificationService.Reception(r.unitCode(), r.taskCode(),
                r.applicantName(), r.applicantIdNumber(), r.copies(), r.pages(), r.fee()));
    }

    @GetMapping("/certification-requests")
    @Operation(summary = "A ward's certification requests, newest first")
    List<CertificationService.View> requests(@RequestParam @Size(max = InputLimits.CODE) String unit) {
        return certifications.list(unit);
    }

    @GetMapping("/certification-requests/{id}")
    @Operation(summary = "One certification request with its register entry")
    CertificationService.View request(@PathVariable String id) {
        return certifications.view(certifications.visible(id));
    }

    @PostMapping("/certification-requests/{id}/decision")
    @Operation(summary = "Sign (decision=SIGN: numbered in the register, signature block) or refuse (REFUSE with a "
            + "reason); only who may sign this procedure now")
    CertificationService.View decideRequest(@PathVariable String id, @Valid @RequestBody SigningDecision decision) {
        return certifications.decide(id, decision.decision(), decision.refusalReason());
    }

    // --- oversight

    @GetMapping("/wards/{unitCode}/signed-on-behalf")
    @Operation(summary = "What delegates signed on the chairman's behalf in the period (default: this month), by "
            + "whom, under which decision (the ward's chairman, city-wide readers)")
    List<OversightService.SignedOnBehalf> signedOnBehalf(@PathVariable String unitCode,
                                                         @RequestParam(required = false) @CalendarDate LocalDate from,
                                                         @RequestParam(required = false) @CalendarDate LocalDate to) {
        return oversight.signedOnBehalf(unitCode, from(from), to(from, to));
    }

    @GetMapping("/wards/{unitCode}/report")
    @Operation(summary = "Periodic report of a ward (default: this month): by procedure and signer, signed, refused, "
            + "on-time rate")
    OversightService.WardReport wardReport(@PathVariable String unitCode,
                                           @RequestParam(required = false) @CalendarDate LocalDate from,
                                           @RequestParam(required = false) @CalendarDate LocalDate to) {
        return oversight.wardReport(unitCode, from(from), to(from, to));
    }

    @GetMapping("/report")
    @Operation(summary = "City-wide report per ward (Department of Justice, City PC leaders, administrators)")
    OversightService.CityReport cityReport(@RequestParam(required = false) @CalendarDate LocalDate from,
                                           @RequestParam(required = false) @CalendarDate LocalDate to) {
        return oversight.cityReport(from(from), to(from, to));
    }

    @GetMapping("/wards/{unitCode}/audit")
    @Operation(summary = "The ward's audit trail, newest first (the ward's chairman, city-wide readers)")
    List<AuthorityRepository.AuditRow> audit(@PathVariable String unitCode,
                                             @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        return oversight.audit(unitCode, limit);
    }

    private LocalDate from(LocalDate from) {
        return from != null ? from : YearMonth.now(delegations.clockZone()).atDay(1);
    }

    private LocalDate to(LocalDate from, LocalDate to) {
        return to != null ? to : (from != null ? YearMonth.from(from) : YearMonth.now(delegations.clockZone()))
                .atEndOfMonth();
    }
}
