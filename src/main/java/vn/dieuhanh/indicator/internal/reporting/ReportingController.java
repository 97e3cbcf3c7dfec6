package vn.dieuhanh.indicator.internal.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.dieuhanh.indicator.ReportingPeriod;
import vn.dieuhanh.indicator.internal.reporting.ReportingExceptions.ReportInputException;
import vn.dieuhanh.indicator.internal.reporting.ReportingExceptions.ReportNotFound;
import vn.dieuhanh.indicator.internal.reporting.ReportingRepository.Campaign;
import vn.dieuhanh.indicator.internal.reporting.ReportingRepository.Entry;
import vn.dieuhanh.indicator.internal.reporting.ReportingRepository.Report;
import vn.dieuhanh.indicator.internal.reporting.ReportingRepository.Value;
import vn.dieuhanh.platform.InputLimits;
import vn.dieuhanh.platform.PlainText;
import vn.dieuhanh.platform.SingleLine;

@RestController
@Tag(name = "Báo cáo chỉ tiêu", description = "Indicator reporting campaigns, unit reports, approvals, corrections")
class ReportingController {

    private final ReportingRepository repository;
    private final ReportService reports;
    private final ReportActions actions;
    private final CampaignService campaigns;
    private final ReportingAccess access;
    private final Clock clock;

    ReportingController(ReportingRepository repository, ReportService reports, ReportActions actions,
                        CampaignService campaigns, ReportingAccess access, Clock clock) {
        this.clock = clock;
        this.repository = repository;
        this.reports = reports;
        this.actions = actions;
        this.campaigns = campaigns;
        this.access = access;
    }

    // --- views -----------------------------------------------------------------------------------------------------

    record UnitStatus(String reportId, String unitCode, String status, String statusLabel, boolean submitted,
                      boolean approved, boolean late, boolean missing, Instant dueAt, Instant submittedAt,
                      Instant approvedAt) {

        static UnitStatus of(Report r, Instant now) {
            boolean submitted = r.submittedAt() != null;
            boolean approved = r.approvedAt() != null;
            boolean missing = !submitted && now.isAfter(r.dueAt());
            boolean late = r.overdueAt() != null || missing || (submitted && r.submittedAt().isAfter(r.dueAt()));
            return new UnitStatus(r.id(), r.unitCode(), r.status().name(), r.status().label(), submitted, approved,
                    late, missing, r.dueAt(), r.submittedAt(), r.approvedAt());
        }
    }

    record CampaignSummary(String id, String period, String frequency, Instant dueAt, Instant openedAt,
                           String openedBy, Instant closedAt, String processInstanceId) {

        static CampaignSummary of(Campaign c) {
            return new CampaignSummary(c.id(), c.period(), c.frequency(), c.dueAt(), c.openedAt(), c.openedBy(),
                    c.closedAt(), c.processInstanceId());
        }
    }

    record CampaignDetail(CampaignSummary campaign, List<UnitStatus> units, long submitted, long approved, long late,
                          long missing) {
    }

    record VersionView(int version, String kind, String kindLabel, String actor, Instant at, String reason,
                       Integer refersTo, List<Value> values) {
    }

    record ReportDetail(UnitStatus report, String period, Integer approvedVersion, List<Value> values,
                        List<VersionView> versions) {
    }

    record OpenCampaignRequest(@Size(max = 10) @SingleLine String period) {
    }

    record ValuesRequest(
            @Size(max = 200) Map<@Size(max = 40) @SingleLine String, @Digits(integer = 16, fraction = 4) BigDecimal>
                    values,
            @Size(max = 200) Map<@Size(max = 40) @SingleLine String,
                    @Size(max = InputLimits.REASON) @PlainText String> notes,
            @Size(max = InputLimits.REASON) @PlainText String reason) {
    }

    record DecisionRequest(Boolean approve, @Size(max = InputLimits.REASON) @PlainText String reason) {
    }

    // --- campaigns -------------------------------------------------------------------------------------------------

    @GetMapping("/api/indicator-campaigns")
    @Operation(summary = "Campaigns, newest first, optionally of one period (leaders, analysts, admins)")
    List<CampaignSummary> campaigns(@RequestParam(required = false) String period) {
        access.requireAllReader();
        if (period != null) {
            return repository.campaignOfPeriod(ReportingPeriod.parse(period).label()).map(CampaignSummary::of)
                    .stream().toList();
        }
        return repository.campaigns().stream().map(CampaignSummary::of).toList();
    }

    @GetMapping("/api/indicator-campaigns/{id}")
    @Operation(summary = "A campaign with every unit's report status: submitted, approved, late, missing")
    CampaignDetail campaign(@PathVariable String id) {
        access.requireAllReader();
        Campaign campaign = repository.campaign(id).orElseThrow(() -> new ReportNotFound("đợt báo cáo " + id));
        Instant now = clock.instant();
        List<UnitStatus> units = repository.reportsOfCampaign(id).stream().map(r -> UnitStatus.of(r, now)).toList();
        return new CampaignDetail(CampaignSummary.of(campaign), units,
                units.stream().filter(UnitStatus::submitted).count(),
                units.stream().filter(UnitStatus::approved).count(), units.stream().filter(UnitStatus::late).count(),
                units.stream().filter(UnitStatus::missing).count());
    }

    @PostMapping("/api/indicator-campaigns")
    @Operation(summary = "Open the campaign of a period by hand (admins); 201 when opened, 200 when it existed")
    org.springframework.http.ResponseEntity<CampaignService.Opened> open(@Valid @RequestBody OpenCampaignRequest request) {
        ReportingAccess.Caller caller = access.requireAdmin();
        if (request == null || request.period() == null) {
            throw new ReportInputException("period is required, e.g. 2026-03, 2026-Q1 or 2026");
        }
        CampaignService.Opened opened = campaigns.open(ReportingPeriod.parse(request.period()), caller.userId());
        return org.springframework.http.ResponseEntity.status(opened.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(opened);
    }

    // --- reports ---------------------------------------------------------------------------------------------------

    @GetMapping("/api/indicator-reports")
    @Operation(summary = "Reports by unit and/or period; officials see their own unit's only")
    List<UnitStatus> reports(@RequestParam(required = false) String unit,
                             @RequestParam(required = false) String period) {
        ReportingAccess.Caller caller = access.caller();
        String label = period == null ? null : ReportingPeriod.parse(period).label();
        if (!caller.readsAll()) {
            if (unit != null) {
                access.requireReader(unit);
            }
        }
        Instant now = clock.instant();
        return repository.reports(unit, label).stream()
                .filter(r -> caller.readsAll() || caller.memberOf(r.unitCode()))
                .map(r -> UnitStatus.of(r, now)).toList();
    }

    @GetMapping("/api/indicator-reports/{id}")
    @Operation(summary = "A report: the values in force and every version with who, when and why")
    ReportDetail report(@PathVariable String id) {
        Report report = repository.report(id).orElseThrow(() -> new ReportNotFound("báo cáo " + id));
        access.requireReader(report.unitCode());
        List<VersionView> versions = new ArrayList<>();
        for (Entry e : repository.trail(id)) {
            versions.add(new VersionView(e.version(), e.kind().name(), e.kind().label(), e.actor(), e.at(),
                    e.reason(), e.refersTo(),
                    e.kind().carriesValues() ? List.copyOf(repository.values(e.id()).values()) : List.of()));
        }
        Entry approved = reports.approvedEntry(id).orElse(null);
        List<Value> values = approved != null ? List.copyOf(repository.values(approved.id()).values())
                : List.copyOf(reports.latestValues(id).values());
        return new ReportDetail(UnitStatus.of(report, clock.instant()), report.period(),
                approved == null ? null : approved.version(), values, versions);
    }

    @PutMapping("/api/indicator-reports/{id}/draft")
    @Operation(summary = "Save a draft (the unit's officials); numbers of the unit's indicators only, not yet checked")
    VersionView draft(@PathVariable String id, @Valid @RequestBody ValuesRequest request) {
        Entry entry = actions.saveDraft(id, values(request));
        return view(entry);
    }

    @PostMapping("/api/indicator-reports/{id}/submit")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Submit to the unit head; 400 with problems per indicator when values are refused")
    void submit(@PathVariable String id, @Valid @RequestBody ValuesRequest request) {
        actions.submit(id, values(request));
    }

    @PostMapping("/api/indicator-reports/{id}/decision")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "The unit head approves or rejects (with a reason) the submission or correction")
    void decide(@PathVariable String id, @Valid @RequestBody DecisionRequest request) {
        if (request == null || request.approve() == null) {
            throw new ReportInputException("approve (true/false) is required");
        }
        actions.decide(id, request.approve(), request.reason());
    }

    @PostMapping("/api/indicator-reports/{id}/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Correct an approved report: a new version with a reason, approved again by the head")
    VersionView correct(@PathVariable String id, @Valid @RequestBody ValuesRequest request) {
        return view(actions.correct(id, values(request), request.reason()));
    }

    private VersionView view(Entry e) {
        return new VersionView(e.version(), e.kind().name(), e.kind().label(), e.actor(), e.at(), e.reason(),
                e.refersTo(), List.copyOf(repository.values(e.id()).values()));
    }

    private static Map<String, Value> values(ValuesRequest request) {
        if (request == null) {
            throw new ReportInputException("A JSON body {values: {code: number}, notes?, reason?} is required");
        }
        return ReportRows.fromRequest(request.values(), request.notes());
    }
}
