package vn.dieuhanh.kpi.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dieuhanh.kpi.Period;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Unit;
import vn.dieuhanh.organisation.UnitKind;
import vn.dieuhanh.platform.InputRejected;
import vn.dieuhanh.platform.WebPage;

/**
 * {@code /xep-hang}: the KPI ranking of units for a month, quarter or year (issue 16). Every active unit (of the chosen
 * kind) is listed: those with facts in the period ranked by {@link KpiScoring}, the others after them marked "chưa có
 * dữ liệu". Readers as {@code GET /api/kpi/units} ({@link KpiReaders#checkUnitRanking}); the Excel button is that
 * endpoint's workbook, served under the session login at {@code /xep-hang.xlsx}.
 */
@Controller
@WebPage
class KpiPages {

    private final KpiScoring scoring;
    private final KpiReaders readers;
    private final KpiExcelExport excel;
    private final OrganisationDirectory directory;
    private final Clock clock;

    KpiPages(KpiScoring scoring, KpiReaders readers, KpiExcelExport excel, OrganisationDirectory directory,
             Clock clock) {
        this.scoring = scoring;
        this.readers = readers;
        this.excel = excel;
        this.directory = directory;
        this.clock = clock;
    }

    record Row(Integer rank, Integer rankInKind, String unitCode, String unitName, String kindLabel, KpiScoring.Score score) {

        public boolean hasFacts() {
            return score != null;
        }
    }

    record Option(String value, String label) {
    }

    @GetMapping("/xep-hang")
    String page(@RequestParam(name = "ky", required = false) String period,
                @RequestParam(name = "loai", required = false) String kind, Model model) {
        readers.checkUnitRanking(readers.current());
        Period p = period(period);
        UnitKind unitKind = kind(kind);
        List<KpiScoring.Ranked> ranked = scoring.unitRanking(p, unitKind == null ? null : unitKind.code());
        List<Unit> units = directory.units(Optional.ofNullable(unitKind));
        List<Row> rows = new ArrayList<>();
        Set<String> scored = new HashSet<>();
        for (KpiScoring.Ranked r : ranked) {
            scored.add(r.score().subject());
            Unit unit = directory.unit(r.score().subject()).orElse(null);
            rows.add(new Row(r.rank(), r.rankInKind(), r.score().subject(), r.score().unitName(),
                    unit == null ? r.score().unitKind() : unit.kind().label(), r.score()));
        }
        for (Unit unit : units) {
            if (!scored.contains(unit.code()) && unit.kind() != UnitKind.CITY_LEADERSHIP) {
                rows.add(new Row(null, null, unit.code(), unit.name(), unit.kind().label(), null));
            }
        }
        model.addAttribute("nav", "xep-hang");
        model.addAttribute("period", p);
        model.addAttribute("kind", unitKind == null ? "" : unitKind.code());
        model.addAttribute("rows", rows);
        model.addAttribute("withFacts", ranked.size());
        model.addAttribute("periods", periods(p));
        List<Option> kinds = new ArrayList<>(List.of(new Option("", "Tất cả loại đơn vị")));
        for (UnitKind k : UnitKind.values()) {
            if (k != UnitKind.CITY_LEADERSHIP) {
                kinds.add(new Option(k.code(), k.label()));
            }
        }
        model.addAttribute("kinds", kinds);
        return "kpi/ranking";
    }

    @GetMapping("/xep-hang.xlsx")
    ResponseEntity<byte[]> excel(@RequestParam(name = "ky", required = false) String period,
                                 @RequestParam(name = "loai", required = false) String kind) {
        readers.checkUnitRanking(readers.current());
        Period p = period(period);
        UnitKind unitKind = kind(kind);
        byte[] workbook = excel.unitRanking(p.label(), scoring.unitRanking(p, unitKind == null ? null : unitKind.code()));
        return ResponseEntity.ok().contentType(KpiController.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("xep-hang-don-vi-" + p.label() + ".xlsx").build().toString())
                .body(workbook);
    }

    private Period period(String text) {
        if (text == null || text.isBlank()) {
            LocalDate today = LocalDate.now(clock);
            return Period.parse(String.format("%d-%02d", today.getYear(), today.getMonthValue()));
        }
        try {
            return Period.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InputRejected("Kỳ '" + text.strip() + "' không hợp lệ: nhập tháng (2026-03), quý (2026-Q1) hoặc "
                    + "năm (2026) (unknown period)");
        }
    }

    private static UnitKind kind(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return UnitKind.fromCode(code.strip());
        } catch (IllegalArgumentException e) {
            throw new InputRejected("Loại đơn vị '" + code.strip() + "' không có (unknown unit kind)");
        }
    }

    /** This year's months and quarters, this year and last (and the chosen period if it is another). */
    private List<Option> periods(Period chosen) {
        int year = LocalDate.now(clock).getYear();
        List<Option> options = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            options.add(new Option(String.format("%d-%02d", year, m), "Tháng " + m + "/" + year));
        }
        for (int q = 1; q <= 4; q++) {
            options.add(new Option(year + "-Q" + q, "Quý " + q + "/" + year));
        }
        options.add(new Option(String.valueOf(year), "Năm " + year));
        options.add(new Option(String.valueOf(year - 1), "Năm " + (year - 1)));
        if (options.stream().noneMatch(o -> o.value().equals(chosen.label()))) {
            options.add(0, new Option(chosen.label(), chosen.label()));
        }
        return options;
    }
}
