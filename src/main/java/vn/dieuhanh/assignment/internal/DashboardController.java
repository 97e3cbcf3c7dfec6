package vn.dieuhanh.assignment.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The leaders' dashboard as JSON: the same service as the {@code /dieu-hanh} page. */
@RestController
@Tag(name = "Nhiệm vụ", description = "Assignments: instant assignment, trail, status buckets and actions")
class DashboardController {

    private final LeaderDashboard dashboard;

    DashboardController(LeaderDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/api/assignments/dashboard")
    @Operation(summary = "The leaders' dashboard: buckets plus due soon in total, by unit (a unit head: by division), "
            + "by source, by assigning leader and by week of the deadline, and the 50 longest overdue; filters "
            + "unitKind=ward|commune|department|..., source=CENTRAL|CITY_PARTY_COMMITTEE|CITY_PEOPLES_COMMITTEE|INSTANT, "
            + "period=2026|2026-Q1|2026-03 (deadline in the period). City PC leaders, the Office: citywide; unit heads "
            + "and deputies: their unit; others 403")
    LeaderDashboard.View dashboard(@RequestParam(required = false) String unitKind,
                                   @RequestParam(required = false) String source,
                                   @RequestParam(required = false) String period) {
        return dashboard.view(DashboardFilter.parse(unitKind, source, period));
    }
}
