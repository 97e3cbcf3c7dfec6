package vn.dieuhanh.indicator.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dieuhanh.indicator.Domain;
import vn.dieuhanh.indicator.ReportingPeriod;
import vn.dieuhanh.platform.InputRejected;
import vn.dieuhanh.platform.NotFound;
import vn.dieuhanh.platform.WebPage;

/**
 * {@code /chi-tieu}: the city's indicator table of a period (issue 16) with red, orange, green and grey cells
 * ({@link IndicatorTables}, the same as {@code GET /api/indicators/table}); each row drills down
 * ({@code /chi-tieu/{code}}) to the units' values and the explanation requests about the indicator, which the caller
 * sees by the explanation requests' rule (leaders, analysts and administrators all; other officials their unit's).
 * The Excel button is the API's workbook, under the session login at {@code /chi-tieu.xlsx}.
 */
@Controller
@WebPage
class IndicatorPages {

    private final IndicatorTables tables;
    private final IndicatorExcelExport excel;
    private final ExplanationRequests explanations;
    private final IndicatorAccess access;
    private final Clock clock;

    IndicatorPages(IndicatorTables tables, IndicatorExcelExport excel, ExplanationRequests explanations,
                   IndicatorAccess access, Clock clock) {
        this.tables = tables;
        this.excel = excel;
        this.explanations = explanations;
        this.access = access;
        this.clock = clock;
    }

    record Option(String value, String label) {
    }

    @GetMapping("/chi-tieu")
    String page(@RequestParam(name = "ky", required = false) String period,
                @RequestParam(name = "linh-vuc", required = false) String domain, Model model) {
        access.caller();
        ReportingPeriod p = period(period);
        Optional<Domain> d = domain(domain);
        model.addAttribute("nav", "chi-tieu");
        model.addAttribute("table", tables.cityTable(p, d));
        model.addAttribute("period", p);
        model.addAttribute("domain", d.map(Domain::name).orElse(""));
        model.addAttribute("periods", periods(p));
        List<Option> domains = new ArrayList<>(List.of(new Option("", "Tất cả lĩnh vực")));
        for (Domain each : Domain.values()) {
            domains.add(new Option(each.name(), each.label()));
        }
        model.addAttribute("domains", domains);
        return "indicator/table";
    }

    @GetMapping("/chi-tieu/{code}")
    String units(@PathVariable String code, @RequestParam(name = "ky", required = false) String period, Model model) {
        IndicatorAccess.Caller caller = access.caller();
        ReportingPeriod p = period(period);
        IndicatorTables.UnitTable table = tables.unitTable(p, code)
                .orElseThrow(() -> new NotFound("Không có chỉ tiêu " + code + " trong danh mục hiện hành"));
        String unitFilter = caller.privileged() ? null : caller.unitCode().orElse("");
        List<ExplanationRequests.View> requests = caller.privileged() || caller.unitCode().isPresent()
                ? explanations.list(unitFilter, null).stream().filter(v -> v.indicatorCode().equals(code)).toList()
                : List.of();
        model.addAttribute("units", table);
        model.addAttribute("requests", requests);
        model.addAttribute("period", p);
        model.addAttribute("privileged", caller.privileged());
        return "indicator/table :: units";
    }

    @GetMapping("/chi-tieu.xlsx")
    ResponseEntity<byte[]> excel(@RequestParam(name = "ky", required = false) String period,
                                 @RequestParam(name = "linh-vuc", required = false) String domain) {
        access.caller();
        IndicatorTables.CityTable table = tables.cityTable(period(period), domain(domain));
        return ResponseEntity.ok().contentType(IndicatorController.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("chi-tieu-" + table.period() + ".xlsx").build().toString())
                .body(excel.cityTable(table));
    }

    /** Blank: last month (the latest month reported). */
    private ReportingPeriod period(String text) {
        if (text == null || text.isBlank()) {
            LocalDate lastMonth = LocalDate.now(clock).minusMonths(1);
            return ReportingPeriod.month(lastMonth.getYear(), lastMonth.getMonthValue());
        }
        try {
            return ReportingPeriod.parse(text.strip());
        } catch (RuntimeException e) {
            throw new InputRejected("Kỳ '" + text.strip() + "' không hợp lệ: nhập tháng (2026-03), quý (2026-Q1) hoặc "
                    + "năm (2026) (unknown period)");
        }
    }

    private static Optional<Domain> domain(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(IndicatorController.parse(Domain.class, "domain", text));
        } catch (IllegalArgumentException e) {
            throw new InputRejected("Lĩnh vực '" + text.strip() + "' không có (unknown domain)");
        }
    }

    private List<Option> periods(ReportingPeriod chosen) {
        int year = LocalDate.now(clock).getYear();
        List<Option> options = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            ReportingPeriod p = ReportingPeriod.month(year, m);
            options.add(new Option(p.label(), p.vietnameseLabel()));
        }
        for (int q = 1; q <= 4; q++) {
            ReportingPeriod p = ReportingPeriod.quarter(year, q);
            options.add(new Option(p.label(), p.vietnameseLabel()));
        }
        for (int y : new int[] {year, year - 1}) {
            ReportingPeriod p = ReportingPeriod.year(y);
            options.add(new Option(p.label(), p.vietnameseLabel()));
        }
        if (options.stream().noneMatch(o -> o.value().equals(chosen.label()))) {
            options.add(0, new Option(chosen.label(), chosen.vietnameseLabel()));
        }
        return options;
    }
}
