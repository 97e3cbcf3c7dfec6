package vn.dieuhanh.platform.engine;

import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import vn.dieuhanh.platform.Administrators;

/**
 * Process-level figures for analysts (and City PC leaders, administrators): per process, the running instances, the
 * finished ones with their average duration, and open incidents. No business content: analysts have no right to
 * instances' history (titles, results, values stay with those who may read the records).
 */
@RestController
@RequestMapping("/api/process-statistics")
class ProcessStatisticsController {

    static final List<String> READERS = List.of("role-analyst", "role-leader");

    record ProcessFigures(String processKey, String name, long running, long finished, Long averageDurationMillis,
                          long openIncidents) {
    }

    private final JdbcClient jdbc;
    private final IdentityService identityService;

    ProcessStatisticsController(JdbcClient jdbc, IdentityService identityService) {
        this.jdbc = jdbc;
        this.identityService = identityService;
    }

    @GetMapping
    @Operation(summary = "Per process: running and finished instances, average duration, open incidents (analysts, "
            + "City PC leaders, administrators)")
    List<ProcessFigures> figures() {
        Authentication caller = identityService.getCurrentAuthentication();
        List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        if (!Administrators.includes(groups) && groups.stream().noneMatch(READERS::contains)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Chỉ chuyên viên phân tích, lãnh đạo Thành phố và "
                    + "quản trị được xem thống kê quy trình (analysts, City PC leaders and administrators only)");
        }
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("SELECT KEY_, NAME_ FROM ACT_RE_PROCDEF ORDER BY KEY_, VERSION_")
                .query(rs -> { names.put(rs.getString(1), rs.getString(2)); });
        Map<String, Long> running = counts("""
                SELECT d.KEY_, COUNT(*) FROM ACT_RU_EXECUTION e JOIN ACT_RE_PROCDEF d ON e.PROC_DEF_ID_ = d.ID_
                 WHERE e.PARENT_ID_ IS NULL GROUP BY d.KEY_""");
        Map<String, Long> incidents = counts("""
                SELECT d.KEY_, COUNT(*) FROM ACT_RU_INCIDENT i JOIN ACT_RE_PROCDEF d ON i.PROC_DEF_ID_ = d.ID_
                 GROUP BY d.KEY_""");
        Map<String, long[]> finished = new LinkedHashMap<>();
        jdbc.sql("SELECT PROC_DEF_KEY_, COUNT(*), AVG(DURATION_) FROM ACT_HI_PROCINST WHERE END_TIME_ IS NOT NULL "
                        + "GROUP BY PROC_DEF_KEY_")
                .query(rs -> { finished.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}); });
        return names.entrySet().stream().map(e -> {
            long[] done = finished.get(e.getKey());
            return new ProcessFigures(e.getKey(), e.getValue(), running.getOrDefault(e.getKey(), 0L),
                    done == null ? 0 : done[0], done == null ? null : done[1],
                    incidents.getOrDefault(e.getKey(), 0L));
        }).toList();
    }

    private Map<String, Long> counts(String sql) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(sql).query(rs -> { counts.put(rs.getString(1), rs.getLong(2)); });
        return counts;
    }
}
