package vn.dieuhanh.assignment.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import vn.dieuhanh.calendar.WorkingCalendar;

/**
 * A command (not a test) that prints the plans and times of the dashboard's statements on 100,000 assignments in 190
 * units on an embedded PostgreSQL with the project's migrations for {@code asg_assignment}: docs/performance.md,
 * "Leaders' dashboard". Run: {@code java -cp target/test-classes:target/classes:$(cat cp.txt)
 * vn.dieuhanh.assignment.internal.DashboardPlans [extra DDL file]}.
 */
public final class DashboardPlans {

    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start(); Connection c = pg.getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            for (String file : List.of("V4__assignments.sql", "V13__assignment_due_soon_and_indexes.sql")) {
                String ddl = Files.readString(Path.of("src/main/resources/db/migration/common/" + file))
                        .replaceAll("(?m)--.*$", "");
                for (String statement : ddl.split(";")) {
                    String sql = statement.replaceAll("(?m)^--.*$", "").trim();
                    if (!sql.isEmpty() && !sql.contains("kpi_ledger") && !sql.contains("ind_") && !sql.contains("asg_directive_document")) {
                        s.execute(sql);
                    }
                }
            }
            for (String arg : args) {
                for (String statement : Files.readString(Path.of(arg)).replaceAll("(?m)--.*$", "").split(";")) {
                    String sql = statement.replaceAll("(?m)^--.*$", "").trim();
                    if (!sql.isEmpty()) {
                        s.execute(sql);
                    }
                }
            }
            s.execute("""
                    INSERT INTO asg_assignment (id, role, source, urgency, unit_code, title, description, assigned_by,
                      reviewer, holder_group, deadline, created_at, completed_at, cancelled_at, due_soon_working_days, due_soon_from)
                    SELECT 'a' || g, 'INSTANT',
                      (ARRAY['CENTRAL','CITY_PARTY_COMMITTEE','CITY_PEOPLES_COMMITTEE','INSTANT'])[1 + g % 4], 'NORMAL',
                      'unit-' || (g % 190), 'Nhiệm vụ kiểm tra, báo cáo kết quả thực hiện số ' || g, repeat('Mô tả ', 40),
                      CASE WHEN g % 3 = 0 THEN 'leader-' || (g % 7) ELSE 'unit-' || (g % 190) || '.head' END,
                      'leader', 'unit-' || (g % 190), d, d - interval '20 days',
                      CASE WHEN d < now() AND g % 7 < 6 THEN d - CASE WHEN g % 4 = 0 THEN interval '-2 days' ELSE interval '1 day' END END,
                      CASE WHEN g % 50 = 0 THEN d END, 2, d - interval '3 days'
                    FROM (SELECT g, now() - interval '300 days' + (g % 420) * interval '1 day' + (g % 13) * interval '1 hour' AS d
                          FROM generate_series(1, 100000) g) x""");
            s.execute("VACUUM ANALYZE asg_assignment");
            Instant now = Instant.now();
            LocalDate monday = LocalDate.now(WorkingCalendar.ZONE).minusWeeks(8).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            List<OffsetDateTime> weeks = new ArrayList<>();
            for (int i = 0; i <= 12; i++) {
                weeks.add(monday.plusWeeks(i).atStartOfDay(WorkingCalendar.ZONE).toOffsetDateTime());
            }
            DashboardRepository.Criteria city = new DashboardRepository.Criteria(null, null, null, null, null);
            DashboardRepository.Criteria unit = new DashboardRepository.Criteria("unit-7", null, null, null, null);
            List<String> wards = new ArrayList<>();
            for (int i = 20; i < 188; i++) {
                wards.add("unit-" + i);
            }
            DashboardRepository.Criteria filtered = new DashboardRepository.Criteria(null, wards, vn.dieuhanh.assignment.WorkSource.INSTANT,
                    OffsetDateTime.now().minusMonths(3), OffsetDateTime.now());
            for (var criteria : List.of(city, unit, filtered)) {
                System.out.println("\n######## " + (criteria == city ? "citywide" : criteria == unit ? "one unit" : "wards, INSTANT, a quarter"));
                explain(c, "by unit, source and leader (one statement)", DashboardRepository.combinationsSql(
                        criteria == unit ? "holder_group" : "unit_code", criteria, now));
                explain(c, "by week", DashboardRepository.countsByWeekSql(weeks, criteria, now));
                explain(c, "overdue", DashboardRepository.overdueSql(criteria, now, 50));
            }
        }
    }

    static void explain(Connection c, String name, StatusBuckets.Sql sql) throws Exception {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            try (PreparedStatement p = c.prepareStatement(sql.text())) {
                for (int k = 0; k < sql.params().size(); k++) {
                    p.setObject(k + 1, sql.params().get(k));
                }
                long t = System.nanoTime();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        // read all
                    }
                }
                best = Math.min(best, System.nanoTime() - t);
            }
        }
        System.out.printf("== %s: best of 5 %.1f ms%n", name, best / 1e6);
        try (PreparedStatement p = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql.text())) {
            for (int k = 0; k < sql.params().size(); k++) {
                p.setObject(k + 1, sql.params().get(k));
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String line = rs.getString(1);
                    if (line.contains("Scan") || line.contains("Execution") || line.contains("Join") || line.contains("Aggregate") || line.contains("Sort")) {
                        System.out.println("   " + line);
                    }
                }
            }
        }
    }
}
