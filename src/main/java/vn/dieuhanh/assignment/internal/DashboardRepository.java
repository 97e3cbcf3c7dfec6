package vn.dieuhanh.assignment.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.dieuhanh.assignment.StatusBucket;
import vn.dieuhanh.assignment.WorkSource;
import vn.dieuhanh.assignment.internal.StatusBuckets.Sql;

/**
 * The leaders' dashboard's statements on {@code asg_assignment}: bucket counts grouped in the database (one statement
 * per grouping, the buckets' CASEs from {@link StatusBuckets}, as in {@code /api/assignments/summary}) and the overdue
 * list. Cancelled assignments are in no bucket and are left out by the WHERE. Portable SQL (PostgreSQL and H2).
 */
@Repository
class DashboardRepository {

    /** The columns a dashboard groups by (never user input). */
    static final Set<String> GROUP_COLUMNS = Set.of("unit_code", "holder_group", "source", "assigned_by");

    /**
     * Which assignments a view counts: of one unit ({@code scopeUnit}) or citywide (null); of the units in
     * {@code units} (the unit kind filter; null = any unit); of one source; with a deadline in [from, to).
     */
    record Criteria(String scopeUnit, List<String> units, WorkSource source, OffsetDateTime from, OffsetDateTime to) {
    }

    record OverdueRow(String id, String title, String unitCode, String holderGroup, String holderUser,
                      String assignedBy, WorkSource source, OffsetDateTime deadline) {
    }

    private final JdbcClient jdbc;

    DashboardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The bucket counts of one combination of group (unit or division), source and assigning leader. */
    record Combination(String group, String source, String assignedBy, BucketCounts counts) {
    }

    /**
     * Bucket counts per combination of {@code groupColumn} ({@code unit_code}, or {@code holder_group} within one
     * unit), source and assigning leader, in one statement: the view rolls them up by unit, by source and by leader,
     * so the table is read once instead of three times (docs/performance.md). A few thousand rows at city scale.
     */
    List<Combination> countsByGroupSourceLeader(String groupColumn, Criteria criteria, Instant now) {
        Sql sql = combinationsSql(groupColumn, criteria, now);
        List<Combination> result = new ArrayList<>();
        jdbc.sql(sql.text()).params(sql.params()).query(rs -> {
            String group = rs.getString("grp");
            result.add(new Combination(group == null ? "" : group, rs.getString("src"), rs.getString("ldr"),
                    counts(rs)));
        });
        return result;
    }

    static Sql combinationsSql(String groupColumn, Criteria criteria, Instant now) {
        if (!GROUP_COLUMNS.contains(groupColumn)) {
            throw new IllegalArgumentException("Not a dashboard grouping: " + groupColumn);
        }
        return tallied(groupColumn, criteria) ? tallyCombinationsSql(criteria, now)
                : scanCombinationsSql(groupColumn, criteria, now);
    }

    /** The combinations counted from every row the criteria select (a period, or one unit by division). */
    static Sql scanCombinationsSql(String groupColumn, Criteria criteria, Instant now) {
        Sql counts = StatusBuckets.counts(now);
        Sql where = where(criteria);
        List<Object> params = new ArrayList<>(counts.params());
        params.addAll(where.params());
        return new Sql("SELECT " + groupColumn + " AS grp, source AS src, assigned_by AS ldr, " + counts.text()
                + " FROM asg_assignment WHERE " + where.text() + " GROUP BY " + groupColumn + ", source, assigned_by",
                params);
    }

    /**
     * Whether a view's combinations can be read from {@link ClosedTally}: citywide by unit, without a period (the
     * tally has no deadline). The unit kind and source filters are columns of its key.
     */
    static boolean tallied(String groupColumn, Criteria criteria) {
        return "unit_code".equals(groupColumn) && criteria.scopeUnit() == null && criteria.from() == null
                && criteria.to() == null;
    }

    /**
     * The same combinations as the scan, with closed work read from {@code asg_closed_tally} (one row per unit,
     * holder, source and assigner: a few thousand rows however many years of work are closed) and only the open rows
     * counted from {@code asg_assignment} ({@code asg_assignment_open_idx}), as the summary does (migration V16).
     * Cancelled work is in no bucket, as in the scan.
     */
    static Sql tallyCombinationsSql(Criteria criteria, Instant now) {
        StringBuilder filter = new StringBuilder();
        List<Object> filterParams = new ArrayList<>();
        if (criteria.units() != null) {
            if (criteria.units().isEmpty()) {
                filter.append(" AND 1 = 0");
            } else {
                filter.append(" AND unit_code IN (")
                        .append(String.join(", ", criteria.units().stream().map(u -> "?").toList())).append(")");
                filterParams.addAll(criteria.units());
            }
        }
        if (criteria.source() != null) {
            filter.append(" AND source = ?");
            filterParams.add(criteria.source().name());
        }
        List<Object> params = new ArrayList<>(filterParams);
        StringBuilder open = new StringBuilder();
        for (StatusBucket bucket : List.of(StatusBucket.OPEN_WITHIN_DEADLINE, StatusBucket.OPEN_OVERDUE,
                StatusBucket.DUE_SOON)) {
            Sql condition = StatusBuckets.condition(bucket, now);
            open.append(", CASE WHEN ").append(condition.text()).append(" THEN 1 ELSE 0 END AS ")
                    .append(StatusBuckets.column(bucket));
            params.addAll(condition.params());
        }
        params.addAll(filterParams);
        StringBuilder sums = new StringBuilder();
        for (StatusBucket bucket : StatusBucket.values()) {
            sums.append(", SUM(").append(StatusBuckets.column(bucket)).append(") AS ")
                    .append(StatusBuckets.column(bucket));
        }
        String text = "SELECT grp, src, ldr" + sums + " FROM ("
                + "SELECT unit_code AS grp, source AS src, assigned_by AS ldr, on_time AS "
                + StatusBuckets.column(StatusBucket.COMPLETED_ON_TIME) + ", late AS "
                + StatusBuckets.column(StatusBucket.COMPLETED_LATE)
                + ", 0 AS " + StatusBuckets.column(StatusBucket.OPEN_WITHIN_DEADLINE)
                + ", 0 AS " + StatusBuckets.column(StatusBucket.OPEN_OVERDUE)
                + ", 0 AS " + StatusBuckets.column(StatusBucket.DUE_SOON)
                + " FROM asg_closed_tally WHERE on_time + late > 0" + filter
                + " UNION ALL SELECT unit_code, source, assigned_by, 0, 0" + open
                + " FROM asg_assignment WHERE completed_at IS NULL AND cancelled_at IS NULL" + filter
                + ") counted GROUP BY grp, src, ldr";
        return new Sql(text, params);
    }

    /** Bucket counts per value of a column; a null value is reported as "". */
    Map<String, BucketCounts> countsBy(String column, Criteria criteria, Instant now) {
        Sql sql = countsBySql(column, criteria, now);
        Map<String, BucketCounts> result = new LinkedHashMap<>();
        jdbc.sql(sql.text()).params(sql.params()).query(rs -> {
            String key = rs.getString("grp");
            result.put(key == null ? "" : key, counts(rs));
        });
        return result;
    }

    static Sql countsBySql(String column, Criteria criteria, Instant now) {
        if (!GROUP_COLUMNS.contains(column)) {
            throw new IllegalArgumentException("Not a dashboard grouping: " + column);
        }
        Sql counts = StatusBuckets.counts(now);
        Sql where = where(criteria);
        List<Object> params = new ArrayList<>(counts.params());
        params.addAll(where.params());
        return new Sql("SELECT " + column + " AS grp, " + counts.text() + " FROM asg_assignment WHERE " + where.text()
                + " GROUP BY " + column, params);
    }

    /**
     * Bucket counts per week of the deadline: {@code boundaries} are the weeks' first instants followed by the first
     * instant after the last week; the result maps a week's index to its counts (weeks without any are absent).
     */
    Map<Integer, BucketCounts> countsByWeek(List<OffsetDateTime> boundaries, Criteria criteria, Instant now) {
        Sql sql = countsByWeekSql(boundaries, criteria, now);
        Map<Integer, BucketCounts> result = new LinkedHashMap<>();
        jdbc.sql(sql.text()).params(sql.params()).query(rs -> {
            result.put(rs.getInt("grp"), counts(rs));
        });
        return result;
    }

    static Sql countsByWeekSql(List<OffsetDateTime> boundaries, Criteria criteria, Instant now) {
        Sql counts = StatusBuckets.counts(now);
        List<String> weeks = new ArrayList<>();
        List<Object> weekParams = new ArrayList<>();
        for (int i = 0; i + 1 < boundaries.size(); i++) {
            weeks.add("SELECT " + i + " AS wk, CAST(? AS TIMESTAMP WITH TIME ZONE) AS ws,"
                    + " CAST(? AS TIMESTAMP WITH TIME ZONE) AS we");
            weekParams.add(utc(boundaries.get(i)));
            weekParams.add(utc(boundaries.get(i + 1)));
        }
        Sql where = where(criteria);
        List<Object> params = new ArrayList<>(counts.params());
        params.addAll(weekParams);
        params.add(utc(boundaries.get(0)));
        params.add(utc(boundaries.get(boundaries.size() - 1)));
        params.addAll(where.params());
        return new Sql("SELECT w.wk AS grp, " + counts.text() + " FROM asg_assignment JOIN ("
                + String.join(" UNION ALL ", weeks) + ") w ON deadline >= w.ws AND deadline < w.we"
                + " WHERE deadline >= ? AND deadline < ? AND " + where.text() + " GROUP BY w.wk", params);
    }

    /** The open overdue assignments, longest overdue first, at most {@code limit}. */
    List<OverdueRow> overdue(Criteria criteria, Instant now, int limit) {
        Sql sql = overdueSql(criteria, now, limit);
        return jdbc.sql(sql.text()).params(sql.params())
                .query((rs, n) -> new OverdueRow(rs.getString("id"), rs.getString("title"), rs.getString("unit_code"),
                        rs.getString("holder_group"), rs.getString("holder_user"), rs.getString("assigned_by"),
                        WorkSource.valueOf(rs.getString("source")),
                        rs.getObject("deadline", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)))
                .list();
    }

    static Sql overdueSql(Criteria criteria, Instant now, int limit) {
        Sql where = where(criteria);
        Sql overdue = StatusBuckets.condition(StatusBucket.OPEN_OVERDUE, now);
        List<Object> params = new ArrayList<>(where.params());
        params.addAll(overdue.params());
        return new Sql("SELECT id, title, unit_code, holder_group, holder_user, assigned_by, source, deadline"
                + " FROM asg_assignment WHERE " + where.text() + " AND " + overdue.text()
                + " ORDER BY deadline, id FETCH FIRST " + limit + " ROWS ONLY", params);
    }

    private static Sql where(Criteria c) {
        StringBuilder text = new StringBuilder("cancelled_at IS NULL");
        List<Object> params = new ArrayList<>();
        if (c.scopeUnit() != null) {
            text.append(" AND unit_code = ?");
            params.add(c.scopeUnit());
        }
        if (c.units() != null) {
            if (c.units().isEmpty()) {
                text.append(" AND 1 = 0");
            } else {
                text.append(" AND unit_code IN (").append(String.join(", ", c.units().stream().map(u -> "?").toList()))
                        .append(")");
                params.addAll(c.units());
            }
        }
        if (c.source() != null) {
            text.append(" AND source = ?");
            params.add(c.source().name());
        }
        if (c.from() != null) {
            text.append(" AND deadline >= ?");
            params.add(utc(c.from()));
        }
        if (c.to() != null) {
            text.append(" AND deadline < ?");
            params.add(utc(c.to()));
        }
        return new Sql(text.toString(), params);
    }

    private static BucketCounts counts(java.sql.ResultSet rs) throws java.sql.SQLException {
        Map<StatusBucket, Long> counts = new EnumMap<>(StatusBucket.class);
        for (StatusBucket bucket : StatusBucket.values()) {
            counts.put(bucket, rs.getLong(StatusBuckets.column(bucket)));
        }
        return BucketCounts.of(counts);
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
