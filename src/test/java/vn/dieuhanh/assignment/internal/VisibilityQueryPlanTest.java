package vn.dieuhanh.assignment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.assignment.StatusBucket;

/**
 * The visibility query of {@code /api/assignments} at city scale: 100,000 assignments (and 133,333 trail events) in
 * one batch insert on the embedded PostgreSQL, ANALYZEd, then the list and the summary of a ward official EXPLAINed:
 * the plan looks the official's rows up by index, with no sequential scan of {@code asg_assignment}; the rows are the
 * same as with the former OR-chain. Everything runs in one transaction that is rolled back, so the shared test
 * database is left as it was. The plans are written to {@code target/performance/} (quoted in docs/performance.md).
 */
@PostgresIntegrationTest
class VisibilityQueryPlanTest {

    static final int ASSIGNMENTS = 100_000;
    static final int UNITS = 188; // 168 wards and communes, 20 departments
    static final String OFFICIAL = "perf-unit-7.official-3";
    static final AssignmentVisibility WARD_OFFICIAL = new AssignmentVisibility(OFFICIAL,
            List.of("perf-unit-7", "perf-unit-7.van-phong", "officer"));

    /** The visibility filter as it was before migration V13: subqueries OR-ed with the indexed columns. */
    static final String OR_CHAIN = "(assigned_by = ? OR reviewer = ? OR holder_user = ?"
            + " OR id IN (SELECT assignment_id FROM asg_trail_event WHERE target = ?)"
            + " OR unit_code IN (?, ?, ?)"
            + " OR lead_assignment_id IN (SELECT id FROM asg_assignment WHERE unit_code IN (?, ?, ?)))";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aWardOfficialsListIsFoundByIndexAmong100000Assignments() throws IOException {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            long started = System.nanoTime();
            insertAssignments();
            jdbc.sql("ANALYZE asg_assignment").update();
            jdbc.sql("ANALYZE asg_trail_event").update();
            long insertMillis = (System.nanoTime() - started) / 1_000_000;

            Instant now = Instant.parse("2026-06-01T03:00:00Z");
            AssignmentQuery query = new AssignmentQuery(null, null, null, null, null, null, WARD_OFFICIAL);
            StatusBuckets.Sql list = AssignmentRepository.listSql(query, now, AssignmentReadModel.MAX_LIST);
            StatusBuckets.Sql dueSoon = AssignmentRepository.listSql(query.withBucket(StatusBucket.DUE_SOON), now,
                    AssignmentReadModel.MAX_LIST);
            StatusBuckets.Sql summary = AssignmentRepository.summarySql(query, "unit_code", now);

            List<String> listPlan = explain(list);
            List<String> dueSoonPlan = explain(dueSoon);
            List<String> summaryPlan = explain(summary);
            for (List<String> plan : List.of(listPlan, dueSoonPlan, summaryPlan)) {
                assertThat(plan).noneMatch(line -> line.contains("Seq Scan on asg_assignment"));
                assertThat(plan).anyMatch(line -> line.contains("Index") && line.contains("asg_assignment_"));
            }

            // the same rows as the OR-chain (all of them, not only the first 500)
            List<Object> orParams = new ArrayList<>(List.of(OFFICIAL, OFFICIAL, OFFICIAL, OFFICIAL));
            orParams.addAll(WARD_OFFICIAL.groupIds());
            orParams.addAll(WARD_OFFICIAL.groupIds());
            Set<String> before = new HashSet<>(jdbc.sql("SELECT id FROM asg_assignment WHERE " + OR_CHAIN)
                    .params(orParams).query(String.class).list());
            StatusBuckets.Sql visible = AssignmentRepository.visibleRows(WARD_OFFICIAL);
            List<String> rows = jdbc.sql("SELECT id FROM (" + visible.text() + ") v").params(visible.params())
                    .query(String.class).list();
            Set<String> after = new HashSet<>(rows);
            assertThat(rows).hasSameSizeAs(after); // each row once
            assertThat(after).hasSizeGreaterThan(500).isEqualTo(before);
            List<String> orPlan = explain(new StatusBuckets.Sql("SELECT id FROM asg_assignment WHERE " + OR_CHAIN,
                    orParams));

            write(insertMillis, after.size(), listPlan, dueSoonPlan, summaryPlan, orPlan);
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM asg_assignment WHERE id LIKE 'perf-%'").query(Long.class).single())
                .isZero();
    }

    private void insertAssignments() {
        // one statement each: generate_series is the batch (a coordinating assignment in five has a lead assignment)
        jdbc.sql("""
                INSERT INTO asg_assignment (id, directive_id, lead_assignment_id, role, source, urgency, unit_code,
                       title, assigned_by, reviewer, holder_group, holder_user, deadline, created_at, completed_at,
                       due_soon_working_days, due_soon_from)
                SELECT 'perf-' || n, NULL,
                       CASE WHEN n % 5 = 0 THEN 'perf-' || (n - 1) END,
                       CASE WHEN n % 5 = 0 THEN 'COORDINATING' ELSE 'INSTANT' END, 'INSTANT', 'NORMAL',
                       'perf-unit-' || (n % :units), 'Nhiệm vụ ' || n,
                       'perf-leader-' || (n % 25), 'perf-leader-' || (n % 25),
                       'perf-unit-' || (n % :units), 'perf-unit-' || (n % :units) || '.official-' || (n % 7),
                       TIMESTAMP WITH TIME ZONE '2026-06-01 00:00:00+07' + ((n % 90) - 30) * INTERVAL '1 day',
                       TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+07' + (n % 120) * INTERVAL '1 day',
                       CASE WHEN n % 3 = 0 THEN TIMESTAMP WITH TIME ZONE '2026-05-01 00:00:00+07' END,
                       2,
                       TIMESTAMP WITH TIME ZONE '2026-06-01 00:00:00+07' + ((n % 90) - 32) * INTERVAL '1 day'
                  FROM generate_series(1, :count) AS n""")
                .param("units", UNITS).param("count", ASSIGNMENTS).update();
        // The trail's foreign-key checks run a plan the pooled connection may have cached while asg_assignment was
        // nearly empty (a sequential scan: 200,000 checks over 100,000 rows took minutes); fresh statistics invalidate it.
        jdbc.sql("ANALYZE asg_assignment").update();
        jdbc.sql("""
                INSERT INTO asg_trail_event (assignment_id, kind, actor, target, occurred_at)
                SELECT 'perf-' || n, 'ASSIGNED', 'perf-leader-' || (n % 25), 'perf-unit-' || (n % :units),
                       TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+07'
                  FROM generate_series(1, :count) AS n
                UNION ALL
                SELECT 'perf-' || n, 'DELEGATED', 'perf-unit-' || (n % :units) || '.head',
                       'perf-unit-' || (n % :units) || '.official-' || ((n + 1) % 7),
                       TIMESTAMP WITH TIME ZONE '2026-01-02 00:00:00+07'
                  FROM generate_series(3, :count, 3) AS n""")
                .param("units", UNITS).param("count", ASSIGNMENTS).update();
    }

    private List<String> explain(StatusBuckets.Sql sql) {
        return jdbc.sql("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) " + sql.text()).params(sql.params())
                .query(String.class).list();
    }

    private static void write(long insertMillis, int visible, List<String> list, List<String> dueSoon,
                              List<String> summary, List<String> orChain) {
        StringBuilder text = new StringBuilder();
        text.append("-- ").append(ASSIGNMENTS).append(" assignments inserted and analysed in ").append(insertMillis)
                .append(" ms; ").append(OFFICIAL).append(" sees ").append(visible).append('\n');
        text.append("\n-- list (GET /api/assignments)\n").append(String.join("\n", list)).append('\n');
        text.append("\n-- list, bucket=DUE_SOON\n").append(String.join("\n", dueSoon)).append('\n');
        text.append("\n-- summary?by=unit\n").append(String.join("\n", summary)).append('\n');
        text.append("\n-- before: the OR-chain\n").append(String.join("\n", orChain)).append('\n');
        try {
            Path file = Path.of("target", "performance", "visibility-plan.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
