package vn.dieuhanh.assignment.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dieuhanh.assignment.StatusBucket;
import vn.dieuhanh.assignment.WorkSource;
import vn.dieuhanh.calendar.WorkingCalendar;
import vn.dieuhanh.organisation.UnitKind;
import vn.dieuhanh.platform.Roles;
import vn.dieuhanh.platform.WebPage;

/**
 * {@code /dieu-hanh}: the leaders' dashboard page (issue 16). The filters and the table's sort order are query
 * parameters ({@code loai}, {@code nguon}, {@code ky}, {@code sap-xep}, {@code giam}); with htmx only the results are
 * re-rendered. Who sees what is {@link LeaderDashboard}'s rule (403 for officials who do not steer).
 */
@Controller
@WebPage
class DashboardPages {

    private final LeaderDashboard dashboard;
    private final StatusBuckets buckets;
    private final IdentityService identityService;
    private final ObjectMapper json = new ObjectMapper();

    DashboardPages(LeaderDashboard dashboard, StatusBuckets buckets, IdentityService identityService) {
        this.dashboard = dashboard;
        this.buckets = buckets;
        this.identityService = identityService;
    }

    record Option(String value, String label) {
    }

    @GetMapping("/dieu-hanh")
    String page(@RequestParam(name = "loai", required = false) String kind,
                @RequestParam(name = "nguon", required = false) String source,
                @RequestParam(name = "ky", required = false) String period,
                @RequestParam(name = "sap-xep", required = false) String sort,
                @RequestParam(name = "giam", defaultValue = "false") boolean descending,
                @RequestHeader(name = "HX-Request", required = false) String htmx,
                Model model) throws JsonProcessingException {
        DashboardFilter filter = DashboardFilter.parse(kind, source, period);
        LeaderDashboard.View view = dashboard.view(filter);
        String sortColumn = sort == null || sort.isBlank() ? "" : sort;
        model.addAttribute("nav", "dieu-hanh");
        model.addAttribute("view", view);
        model.addAttribute("unitRows", LeaderDashboard.sorted(view.units(), sortColumn, descending));
        model.addAttribute("sort", sortColumn);
        model.addAttribute("descending", descending);
        model.addAttribute("query", query(filter));
        model.addAttribute("kinds", kinds());
        model.addAttribute("sources", sources());
        model.addAttribute("periods", periods(filter));
        model.addAttribute("bucketLabels", bucketLabels());
        model.addAttribute("sourceChart", json.writeValueAsString(sourceChart(view)));
        model.addAttribute("weekChart", json.writeValueAsString(weekChart(view)));
        model.addAttribute("mayNudgeAll", mayNudgeAll());
        model.addAttribute("caller", caller());
        return htmx != null ? "assignment/dashboard :: results" : "assignment/dashboard";
    }

    /** The filter part of a URL, to keep the filters when the table is sorted. */
    static String query(DashboardFilter filter) {
        return "loai=" + filter.unitKindCode() + "&nguon=" + filter.sourceCode() + "&ky=" + filter.periodCode();
    }

    static List<Option> kinds() {
        List<Option> options = new ArrayList<>(List.of(new Option("", "Tất cả loại đơn vị")));
        for (UnitKind kind : UnitKind.values()) {
            options.add(new Option(kind.code(), kind.label()));
        }
        return options;
    }

    static List<Option> sources() {
        List<Option> options = new ArrayList<>(List.of(new Option("", "Tất cả nguồn")));
        for (WorkSource source : WorkSource.values()) {
            options.add(new Option(source.name(), source.label()));
        }
        return options;
    }

    /** No period, this year and last, this year's quarters and months (and the chosen period if it is another). */
    List<Option> periods(DashboardFilter filter) {
        int year = buckets.now().atZone(WorkingCalendar.ZONE).getYear();
        List<Option> options = new ArrayList<>(List.of(new Option("", "Mọi thời hạn")));
        for (String code : List.of(String.valueOf(year), String.valueOf(year - 1))) {
            options.add(option(code));
        }
        for (int q = 1; q <= 4; q++) {
            options.add(option(year + "-Q" + q));
        }
        for (int m = 1; m <= 12; m++) {
            options.add(option(String.format("%d-%02d", year, m)));
        }
        if (filter.period() != null && options.stream().noneMatch(o -> o.value().equals(filter.periodCode()))) {
            options.add(1, new Option(filter.periodCode(), filter.period().label()));
        }
        return options;
    }

    private static Option option(String code) {
        return new Option(code, DashboardPeriod.parse(code).label());
    }

    static Map<String, String> bucketLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (StatusBucket bucket : StatusBucket.values()) {
            labels.put(bucket.name(), bucket.label());
        }
        return labels;
    }

    /** ECharts data for the stacked bars by source: categories and one series per exclusive bucket. */
    static Map<String, Object> sourceChart(LeaderDashboard.View view) {
        List<String> labels = view.sources().stream().map(LeaderDashboard.SourceRow::label).toList();
        List<BucketCounts> counts = view.sources().stream().map(LeaderDashboard.SourceRow::counts).toList();
        return chart(labels, counts);
    }

    static Map<String, Object> weekChart(LeaderDashboard.View view) {
        List<String> labels = view.weeks().stream().map(LeaderDashboard.WeekRow::label).toList();
        List<BucketCounts> counts = view.weeks().stream().map(LeaderDashboard.WeekRow::counts).toList();
        return chart(labels, counts);
    }

    private static Map<String, Object> chart(List<String> labels, List<BucketCounts> counts) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("categories", labels);
        List<Map<String, Object>> series = new ArrayList<>();
        series.add(series(StatusBucket.COMPLETED_ON_TIME, counts.stream().map(BucketCounts::onTime).toList()));
        series.add(series(StatusBucket.COMPLETED_LATE, counts.stream().map(BucketCounts::late).toList()));
        series.add(series(StatusBucket.OPEN_WITHIN_DEADLINE,
                counts.stream().map(BucketCounts::openWithinDeadline).toList()));
        series.add(series(StatusBucket.OPEN_OVERDUE, counts.stream().map(BucketCounts::overdue).toList()));
        chart.put("series", series);
        return chart;
    }

    private static Map<String, Object> series(StatusBucket bucket, List<Long> data) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("bucket", bucket.name());
        s.put("name", bucket.label());
        s.put("data", data);
        return s;
    }

    /** City PC leaders and administrators may nudge any holder; others only the work they assigned themselves. */
    private boolean mayNudgeAll() {
        Authentication a = identityService.getCurrentAuthentication();
        List<String> groups = a == null || a.getGroupIds() == null ? List.of() : a.getGroupIds();
        return groups.contains(Roles.LEADER) || Roles.isAdministrator(groups);
    }

    private String caller() {
        Authentication a = identityService.getCurrentAuthentication();
        return a == null ? "" : a.getUserId();
    }

    static String today() {
        return LocalDate.now(WorkingCalendar.ZONE).toString();
    }
}
