package vn.dieuhanh.platform.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.dieuhanh.platform.engine.ProcessStatisticsController.ProcessFigures;

/**
 * Process-level figures read from the engine's tables for {@link ProcessStatisticsController}: no business content,
 * only counts and durations per process definition key.
 */
@Repository
class ProcessStatisticsRepository {

    private final JdbcClient jdbc;

    ProcessStatisticsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row per deployed process key (the latest version's name), in key order. */
    List<ProcessFigures> figures() {
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
