package vn.dieuhanh.kpi.internal;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.dieuhanh.kpi.LedgerRow;
import vn.dieuhanh.kpi.Period;
import vn.dieuhanh.kpi.SubjectKind;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Role;
import vn.dieuhanh.platform.Forbidden;
import vn.dieuhanh.platform.InputLimits;
import vn.dieuhanh.platform.PlainText;
import vn.dieuhanh.platform.Roles;

/** KPI scores, rankings and waivers (Decree 335/2025/ND-CP). */
@RestController
@RequestMapping("/api/kpi")
class KpiController {

    private final KpiScoring scoring;
    private final KpiWaivers waivers;
    private final IdentityService identityService;
    private final OrganisationDirectory directory;
    private final KpiExcelExport excel;
    private final KpiReaders readers;
    private final KpiSnapshots snapshots;

    KpiController(KpiScoring scoring, KpiWaivers waivers, IdentityService identityService,
                  OrganisationDirectory directory, KpiExcelExport excel, KpiReaders readers,
                  KpiSnapshots snapshots) {
        this.excel = excel;
        this.readers = readers;
        this.snapshots = snapshots;
        this.scoring = scoring;
        this.waivers = waivers;
        this.identityService = identityService;
        this.directory = directory;
    }

    @GetMapping("/units")
    @Operation(summary = "Ranking of the units with facts in the period (period=2026-Q1, 2026-03 or 2026), citywide "
            + "and within their kind; kind=ward|commune|department|... keeps one kind. City PC leaders, the Office, "
            + "analysts, admins and unit heads/deputies")
    List<KpiScoring.Ranked> units(@RequestParam String period, @RequestParam(required = false) String kind) {
        Period p = Period.parse(period);
        readers.checkUnitRanking(readers.current());
        return scoring.unitRanking(p, kind);
    }

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    @GetMapping("/units.xlsx")
    @Operation(summary = "The unit ranking as an Excel workbook with Vietnamese headers (same readers as the ranking)")
    ResponseEntity<byte[]> unitsExcel(@RequestParam String period, @RequestParam(required = false) String kind) {
        Period p = Period.parse(period);
        readers.checkUnitRanking(readers.current());
        return workbook("xep-hang-don-vi-" + p.label(), excel.unitRanking(p.label(), scoring.unitRanking(p, kind)));
    }

    @GetMapping("/units/{code}")
    @Operation(summary = "A unit's score in the period with the ledger rows behind it (the unit's officials and "
            + "citywide readers)")
    KpiScoring.Score unit(@PathVariable String code, @RequestParam String period) {
        Period p = Period.parse(period);
        readers.checkUnit(readers.current(), code);
        return scoring.unit(code, p);
    }

    @GetMapping("/officials")
    @Operation(summary = "Ranking of the officials with facts in the period; unit=<code> keeps one unit's officials. "
            + "Citywide readers see every unit; heads and deputies their own unit's officials")
    List<KpiScoring.Ranked> officials(@RequestParam String period, @RequestParam(required = false) String unit) {
        Period p = Period.parse(period);
        return scoring.officialRanking(p, readers.officialRankingScope(readers.current(), unit).orElse(null));
    }

    @GetMapping("/officials.xlsx")
    @Operation(summary = "The officials' ranking as an Excel workbook (same readers and scope as the ranking)")
    ResponseEntity<byte[]> officialsExcel(@RequestParam String period, @RequestParam(required = false) String unit) {
        Period p = Period.parse(period);
        String scope = readers.officialRankingScope(readers.current(), unit).orElse(null);
        return workbook("xep-hang-can-bo-" + (scope == null ? "" : scope + "-") + p.label(),
                excel.officialRanking(p.label(), scoring.officialRanking(p, scope)));
    }

    @GetMapping("/officials/{userId}")
    @Operation(summary = "An official's score in the period with the ledger rows behind it (the official, their "
            + "unit's head and deputies, citywide readers)")
    KpiScoring.Score official(@PathVariable String userId, @RequestParam String period) {
        Period p = Period.parse(period);
        readers.checkOfficial(readers.current(), userId);
        return scoring.official(userId, p);
    }

    @GetMapping("/published/units")
    @Operation(summary = "The unit ranking as last stored by the nightly recomputation (stable between runs), with "
            + "when it was computed")
    List<KpiSnapshots.Published> publishedUnits(@RequestParam String period) {
        Period p = Period.parse(period);
        readers.checkUnitRanking(readers.current());
        return snapshots.published(p, SubjectKind.UNIT, null);
    }

    @GetMapping("/published/officials")
    @Operation(summary = "The officials' ranking as last stored by the nightly recomputation (same scope as the live "
            + "ranking)")
    List<KpiSnapshots.Published> publishedOfficials(@RequestParam String period,
                                                    @RequestParam(required = false) String unit) {
        Period p = Period.parse(period);
        String scope = readers.officialRankingScope(readers.current(), unit).orElse(null);
        return snapshots.published(p, SubjectKind.OFFICIAL, scope);
    }

    private static ResponseEntity<byte[]> workbook(String name, byte[] content) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + ".xlsx").build().toString())
                .body(content);
    }

    record WaiverRequest(@Min(1) Long ledgerId, @Size(max = InputLimits.REASON) @PlainText String reason) {
    }

    @PostMapping("/waivers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Waive a late item for an objective cause (City PC leaders, the unit's head, admins); "
            + "the reason is required; recorded as a new ledger row")
    LedgerRow waive(@Valid @RequestBody WaiverRequest request) {
        if (request == null || request.ledgerId() == null) {
            throw new KpiWaivers.WaiverRejected("ledgerId is required");
        }
        Authentication caller = identityService.getCurrentAuthentication();
        if (caller == null) {
            throw new Forbidden("Not authenticated");
        }
        String unitCode = waivers.unitOf(request.ledgerId());
        if (!mayWaive(caller, unitCode)) {
            throw new Forbidden("Không có quyền miễn trừ (only City PC leaders, the unit's head or administrators "
                    + "may waive)");
        }
        return waivers.waive(request.ledgerId(), request.reason(), caller.getUserId());
    }

    private boolean mayWaive(Authentication caller, String unitCode) {
        List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        if (groups.contains(Roles.ADMIN) || groups.contains(Roles.LEADER)) {
            return true;
        }
        Official official = directory.official(caller.getUserId()).orElse(null);
        return official != null && official.role() == Role.LEADER
                || official != null && official.role() == Role.HEAD && official.unitCode().equals(unitCode);
    }
}
