package vn.dieuhanh.platform.engine;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import vn.dieuhanh.platform.Roles;

/**
 * Process-level figures for analysts (and City PC leaders, administrators): per process, the running instances, the
 * finished ones with their average duration, and open incidents. No business content: analysts have no right to
 * instances' history (titles, results, values stay with those who may read the records).
 */
@RestController
@RequestMapping("/api/process-statistics")
class ProcessStatisticsController {

    static final List<String> READERS = List.of(Roles.ANALYST, Roles.LEADER);

    record ProcessFigures(String processKey, String name, long running, long finished, Long averageDurationMillis,
                          long openIncidents) {
    }

    private final ProcessStatisticsRepository statistics;
    private final IdentityService identityService;

    ProcessStatisticsController(ProcessStatisticsRepository statistics, IdentityService identityService) {
        this.statistics = statistics;
        this.identityService = identityService;
    }

    @GetMapping
    @Operation(summary = "Per process: running and finished instances, average duration, open incidents (analysts, "
            + "City PC leaders, administrators)")
    List<ProcessFigures> figures() {
        Authentication caller = identityService.getCurrentAuthentication();
        List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        if (!Roles.isAdministrator(groups) && groups.stream().noneMatch(READERS::contains)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Chỉ chuyên viên phân tích, lãnh đạo Thành phố và "
                    + "quản trị được xem thống kê quy trình (analysts, City PC leaders and administrators only)");
        }
        return statistics.figures();
    }
}
