package vn.dieuhanh.indicator.internal;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import org.springframework.web.bind.annotation.RestController;
import vn.dieuhanh.indicator.Aggregation;
import vn.dieuhanh.indicator.Domain;
import vn.dieuhanh.indicator.Frequency;
import vn.dieuhanh.indicator.Indicator;
import vn.dieuhanh.indicator.ReportingPeriod;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Unit;
import vn.dieuhanh.organisation.UnitKind;
import vn.dieuhanh.platform.Forbidden;
import vn.dieuhanh.platform.InputLimits;
import vn.dieuhanh.platform.NotFound;
import vn.dieuhanh.platform.PlainText;
import vn.dieuhanh.platform.SingleLine;

/** The indicator catalogue, plan targets, the aggregated tables and explanation requests about an indicator. */
@RestController
@RequestMapping("/api/indicators")
class IndicatorController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    record IndicatorView(String code, String name, Domain domain, String domainLabel, String unitOfMeasure,
                         Aggregation aggregation, String aggregationLabel, Frequency frequency, String frequencyLabel,
                         List<String> reportedBy, boolean integerOnly, BigDecimal minimum, BigDecimal maximum,
                         boolean required, Direction direction, String directionLabel, String description,
                         String version) {

        static IndicatorView of(CatalogueEntry entry) {
            Indicator i = entry.indicator();
            return new IndicatorView(i.code(), i.name(), i.domain(), i.domain().label(), i.unitOfMeasure(),
                    i.aggregation(), i.aggregation().label(), i.frequency(), i.frequency().label(),
                    i.reportedBy().stream().sorted().toList(), i.integerOnly(), i.minimum(), i.maximum(),
                    i.required(), entry.direction(), entry.direction().label(), entry.description(),
                    entry.version());
        }
    }

    record VersionView(String version, String source, int indicatorCount, OffsetDateTime importedAt,
                       boolean inForce) {
    }

    record TargetView(String indicatorCode, String indicatorName, String unitOfMeasure, BigDecimal target,
                      String appliesTo, boolean override, String note) {
    }

    record UnitTargets(String unitCode, String unitName, String unitKind, int year, String catalogueVersion,
                       List<TargetView> targets) {
    }

    record ExplanationBody(@Size(max = InputLimits.CODE) @SingleLine String unitCode,
                           @Size(max = 10) @SingleLine String period,
                           @Size(max = InputLimits.LONG_TEXT) @PlainText String question,
                           @Min(1) @Max(InputLimits.MAX_WORKING_DAYS) Integer workingDays) {
    }

    private final JdbcIndicatorCatalogue catalogue;
    private final IndicatorTables tables;
    private final IndicatorExcelExport excel;
    private final OrganisationDirectory directory;
    private final ExplanationRequests explanations;
    private final IndicatorAccess access;

    IndicatorController(JdbcIndicatorCatalogue catalogue, IndicatorTables tables, IndicatorExcelExport excel,
                        OrganisationDirectory directory, ExplanationRequests explanations, IndicatorAccess access) {
        this.catalogue = catalogue;
        this.tables = tables;
        this.excel = excel;
        this.directory = directory;
        this.explanations = explanations;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "The indicator catalogue in force (or version=2026.1), ordered by domain then code; "
            + "filters domain=ECONOMIC|CULTURAL|SOCIAL|DEFENCE_SECURITY, frequency=MONTHLY|QUARTERLY|YEARLY, "
            + "unitKind=ward|commune|department|...")
    List<IndicatorView> indicators(@RequestParam(required = false) String version,
                                   @RequestParam(required = false) String domain,
                                   @RequestParam(required = false) String frequency,
                                   @RequestParam(required = false) String unitKind) {
        Optional<Domain> d = Optional.ofNullable(domain).map(v -> parse(Domain.class, "domain", v));
        Optional<Frequency> f = Optional.ofNullable(frequency).map(v -> parse(Frequency.class, "frequency", v));
        Optional<String> k = Optional.ofNullable(unitKind).map(v -> UnitKind.fromCode(v).code());
        return entries(version).stream()
                .filter(e -> d.isEmpty() || e.indicator().domain() == d.get())
                .filter(e -> f.isEmpty() || e.indicator().frequency() == f.get())
                .filter(e -> k.isEmpty() || e.indicator().reportedBy().contains(k.get()))
                .map(IndicatorView::of).toList();
    }

    @GetMapping("/versions")
    @Operation(summary = "The released catalogue versions, newest (the one in force) first")
    List<VersionView> versions() {
        List<CatalogueRepository.VersionRow> rows = catalogue.versions();
        List<VersionView> views = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            CatalogueRepository.VersionRow r = rows.get(i);
            views.add(new VersionView(r.version(), r.source(), r.indicatorCount(), r.importedAt(), i == 0));
        }
        return views;
    }

    @GetMapping("/targets")
    @Operation(summary = "A unit's yearly plan targets (unit=<code>, year=2026): its own override or its kind's rule")
    UnitTargets targets(@RequestParam String unit, @RequestParam int year) {
        Unit u = directory.unit(unit).orElseThrow(() -> new NotFound("Không tìm thấy đơn vị '" + unit + "'"));
        TargetTable table = catalogue.targets(year);
        String version = catalogue.currentVersion();
        List<TargetView> targets = new ArrayList<>();
        for (CatalogueEntry entry : catalogue.entries(version)) {
            if (!entry.indicator().reportedBy().contains(u.kind().code())) {
                continue;
            }
            table.target(entry.code(), u.code(), u.kind().code()).ifPresent(t -> targets.add(new TargetView(
                    entry.code(), entry.indicator().name(), entry.indicator().unitOfMeasure(), t.value(),
                    t.appliesTo(), t.override(), t.note())));
        }
        return new UnitTargets(u.code(), u.name(), u.kind().code(), year, version, targets);
    }

    @GetMapping("/table")
    @Operation(summary = "The city table of a period (period=2026-03, 2026-Q1 or 2026; domain=...): per indicator "
            + "the city-wide value of its period, year to date, yearly plan, ratio, status (RED, ORANGE, GREEN, GREY) "
            + "and units reported/expected")
    IndicatorTables.CityTable table(@RequestParam String period, @RequestParam(required = false) String domain) {
        return tables.cityTable(ReportingPeriod.parse(period),
                Optional.ofNullable(domain).map(v -> parse(Domain.class, "domain", v)));
    }

    @GetMapping("/table/units")
    @Operation(summary = "Per-unit values of one indicator (period=..., indicator=KT-01): value, year to date, the "
            + "unit's own target, ratio and status")
    IndicatorTables.UnitTable unitTable(@RequestParam String period, @RequestParam String indicator) {
        return tables.unitTable(ReportingPeriod.parse(period), indicator)
                .orElseThrow(() -> new NotFound("Không có chỉ tiêu " + indicator + " trong danh mục hiện hành"));
    }

    @GetMapping("/table.xlsx")
    @Operation(summary = "The city table as an Excel workbook: Vietnamese headers, one row per indicator, the status "
            + "as a Vietnamese label in a coloured cell")
    ResponseEntity<byte[]> tableExcel(@RequestParam String period, @RequestParam(required = false) String domain) {
        IndicatorTables.CityTable table = table(period, domain);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("chi-tieu-" + table.period() + ".xlsx").build().toString())
                .body(excel.cityTable(table));
    }

    @GetMapping("/{code}")
    @Operation(summary = "One indicator of the catalogue in force (or version=...)")
    IndicatorView indicator(@PathVariable String code, @RequestParam(required = false) String version) {
        return entries(version).stream().filter(e -> e.code().equals(code)).findFirst().map(IndicatorView::of)
                .orElseThrow(() -> new NotFound("Không có chỉ tiêu " + code + " trong danh mục"
                        + (version == null ? " hiện hành" : " phiên bản " + version)));
    }

    @PostMapping("/{code}/explanation-requests")
    @Operation(summary = "Ask a unit to explain an indicator {unitCode, period?, question, workingDays} (City PC "
            + "leaders, analysts, admins): starts the process explanation-request; 201 with the request")
    ResponseEntity<ExplanationRequests.View> requestExplanation(@PathVariable String code,
                                                                @Valid @RequestBody ExplanationBody body) {
        IndicatorAccess.Caller caller = access.caller();
        if (!caller.privileged()) {
            throw new Forbidden("Chỉ lãnh đạo UBND Thành phố, chuyên viên phân tích và quản trị viên được yêu cầu giải trình "
                    + "(only City PC leaders, analysts and administrators may request an explanation)");
        }
        if (body == null) {
            throw new ExplanationRequests.InvalidRequest("A JSON body {unitCode, period, question, workingDays} is "
                    + "required");
        }
        ExplanationRequests.View view = explanations.create(new ExplanationRequests.NewRequest(code, body.unitCode(),
                body.period(), body.question(), body.workingDays(), caller.userId()));
        return ResponseEntity.status(HttpStatus.CREATED).body(view);
    }

    private List<CatalogueEntry> entries(String version) {
        if (version == null || version.isBlank()) {
            return catalogue.entries();
        }
        if (!catalogue.hasVersion(version)) {
            throw new NotFound("Không có danh mục chỉ tiêu phiên bản " + version);
        }
        return catalogue.entries(version);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim().replace('-', '_'))) {
                return constant;
            }
        }
        throw new IllegalArgumentException("Unknown " + name + " '" + value + "'; expected one of "
                + Set.of(type.getEnumConstants()));
    }
}
