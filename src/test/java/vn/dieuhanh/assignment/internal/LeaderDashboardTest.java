package vn.dieuhanh.assignment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.assignment.AssignmentRole;
import vn.dieuhanh.assignment.Urgency;
import vn.dieuhanh.assignment.WorkSource;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.Role;
import vn.dieuhanh.platform.Forbidden;
import vn.dieuhanh.platform.Roles;

/**
 * The leaders' dashboard's counts on PostgreSQL against counts worked out by hand from ten assignments with deadlines
 * in 2031 (no other test writes work due then, so the period filter isolates them in the shared database), at a fixed
 * "now", and its scope: citywide for City PC leaders and the Office, one ward for its head, nothing for an officer.
 */
@PostgresIntegrationTest
class LeaderDashboardTest {

    static final String PASSWORD = "Bang-Dieu-Hanh-2031!";
    static final String WARD_A = "phuong-an-khanh";
    static final String WARD_B = "phuong-an-lac";
    static final String DEPARTMENT = "so-tai-chinh";
    static final String DIVISION_A = WARD_A + ".van-phong";
    static final String LEADER_1 = "dash.pct1";
    static final String LEADER_2 = "dash.pct2";
    static final String HEAD_A = "dash.head-an-khanh";
    static final String OFFICER_B = "dash.officer-an-lac";
    static final String OFFICE = "dash.vanphong";
    static final Instant NOW = OffsetDateTime.parse("2031-06-15T10:00:00+07:00").toInstant();
    static final DashboardFilter YEAR_2031 = DashboardFilter.parse(null, null, "2031");

    @Autowired
    AssignmentRepository assignments;
    @Autowired
    LeaderDashboard dashboard;
    @Autowired
    OfficialAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void data() {
        accounts.register(new Official(LEADER_1, "Phó Chủ tịch Một", null, "ubnd-tp", null, Role.LEADER), PASSWORD);
        accounts.register(new Official(LEADER_2, "Phó Chủ tịch Hai", null, "ubnd-tp", null, Role.LEADER), PASSWORD);
        accounts.register(new Official(HEAD_A, "Chủ tịch phường An Khánh", null, WARD_A, null, Role.HEAD), PASSWORD);
        accounts.register(new Official(OFFICER_B, "Công chức phường An Lạc", null, WARD_B, null, Role.OFFICER),
                PASSWORD);
        accounts.register(new Official(OFFICE, "Chuyên viên Văn phòng", null, Roles.CITY_OFFICE, null,
                Role.OFFICER), PASSWORD);
        jdbc.sql("DELETE FROM asg_assignment WHERE title LIKE 'dash-test %'").update();
        // rows deleted by hand leave the closed tally behind (it is kept by the application's transitions): recount it
        // as V16 fills it, so the summary's tally and the rows agree again
        jdbc.sql("DELETE FROM asg_closed_tally").update();
        jdbc.sql("""
                INSERT INTO asg_closed_tally (unit_code, holder_user, source, assigned_by, on_time, late, cancelled)
                SELECT unit_code, COALESCE(holder_user, ''), source, assigned_by,
                       SUM(CASE WHEN cancelled_at IS NULL AND completed_at <= deadline THEN 1 ELSE 0 END),
                       SUM(CASE WHEN cancelled_at IS NULL AND completed_at > deadline THEN 1 ELSE 0 END),
                       SUM(CASE WHEN cancelled_at IS NOT NULL THEN 1 ELSE 0 END)
                  FROM asg_assignment WHERE completed_at IS NOT NULL OR cancelled_at IS NOT NULL
                 GROUP BY unit_code, COALESCE(holder_user, ''), source, assigned_by""").update();
        // ward A: on time, late, overdue (held by a division), due soon, open within, cancelled
        insert(WARD_A, WARD_A, WorkSource.INSTANT, LEADER_1, "2031-03-10T23:59:59+07:00", "2031-03-09T10:00:00+07:00", null, null);
        insert(WARD_A, WARD_A, WorkSource.CITY_PEOPLES_COMMITTEE, LEADER_1, "2031-03-10T23:59:59+07:00", "2031-03-12T10:00:00+07:00", null, null);
        insert(WARD_A, DIVISION_A, WorkSource.CENTRAL, LEADER_2, "2031-06-01T23:59:59+07:00", null, null, null);
        insert(WARD_A, WARD_A, WorkSource.INSTANT, HEAD_A, "2031-06-16T23:59:59+07:00", null, null, "2031-06-13T00:00:00+07:00");
        insert(WARD_A, WARD_A, WorkSource.INSTANT, HEAD_A, "2031-09-01T23:59:59+07:00", null, null, "2031-08-28T00:00:00+07:00");
        insert(WARD_A, WARD_A, WorkSource.INSTANT, HEAD_A, "2031-06-01T23:59:59+07:00", null, "2031-05-01T10:00:00+07:00", null);
        // ward B: overdue, on time
        insert(WARD_B, WARD_B, WorkSource.INSTANT, LEADER_1, "2031-05-20T23:59:59+07:00", null, null, null);
        insert(WARD_B, WARD_B, WorkSource.CENTRAL, LEADER_2, "2031-02-01T23:59:59+07:00", "2031-01-30T10:00:00+07:00", null, null);
        // a department: overdue; and overdue work due in 2030 (outside the period)
        insert(DEPARTMENT, DEPARTMENT, WorkSource.CITY_PARTY_COMMITTEE, LEADER_1, "2031-04-01T23:59:59+07:00", null, null, null);
        insert(DEPARTMENT, DEPARTMENT, WorkSource.CITY_PARTY_COMMITTEE, LEADER_1, "2030-12-01T23:59:59+07:00", null, null, null);
    }

    @Test
    void citywideCountsAreTheHandCountedBuckets() {
        LeaderDashboard.View view = dashboard.view(LeaderDashboard.Scope.CITY, YEAR_2031, NOW);
        assertThat(view.totals()).isEqualTo(new BucketCounts(2, 1, 2, 3, 1));
        assertThat(view.totals().percentOnTime()).isEqualTo(33.3); // 2 of 6 decided
        // every active unit is listed, with zeros where there is no work
        assertThat(view.units()).hasSizeGreaterThanOrEqualTo(190);
        assertThat(row(view.units(), WARD_A)).isEqualTo(new BucketCounts(1, 1, 2, 1, 1));
        assertThat(row(view.units(), WARD_B)).isEqualTo(new BucketCounts(1, 0, 0, 1, 0));
        assertThat(row(view.units(), DEPARTMENT)).isEqualTo(new BucketCounts(0, 0, 0, 1, 0));
        assertThat(row(view.units(), "phuong-ben-thanh")).isEqualTo(BucketCounts.ZERO);
        assertThat(view.sources()).extracting(LeaderDashboard.SourceRow::code, LeaderDashboard.SourceRow::counts)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CENTRAL", new BucketCounts(1, 0, 0, 1, 0)),
                        org.assertj.core.groups.Tuple.tuple("CITY_PARTY_COMMITTEE", new BucketCounts(0, 0, 0, 1, 0)),
                        org.assertj.core.groups.Tuple.tuple("CITY_PEOPLES_COMMITTEE", new BucketCounts(0, 1, 0, 0, 0)),
                        org.assertj.core.groups.Tuple.tuple("INSTANT", new BucketCounts(1, 0, 2, 1, 1)));
        assertThat(view.leaders()).extracting(LeaderDashboard.LeaderRow::userId, LeaderDashboard.LeaderRow::name,
                        LeaderDashboard.LeaderRow::counts)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LEADER_1, "Phó Chủ tịch Một", new BucketCounts(1, 1, 0, 2, 0)),
                        org.assertj.core.groups.Tuple.tuple(HEAD_A, "Chủ tịch phường An Khánh", new BucketCounts(0, 0, 2, 0, 1)),
                        org.assertj.core.groups.Tuple.tuple(LEADER_2, "Phó Chủ tịch Hai", new BucketCounts(1, 0, 0, 1, 0)));
        // longest overdue first, with who holds it
        assertThat(view.overdue()).extracting(LeaderDashboard.OverdueItem::unitCode,
                        LeaderDashboard.OverdueItem::deadlineText, LeaderDashboard.OverdueItem::daysOverdue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DEPARTMENT, "01/04/2031", 75L),
                        org.assertj.core.groups.Tuple.tuple(WARD_B, "20/05/2031", 26L),
                        org.assertj.core.groups.Tuple.tuple(WARD_A, "01/06/2031", 14L));
        assertThat(view.overdue().get(2).holderName()).isEqualTo("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân");
        // the year's weeks by deadline: 2031-06-16 is a Monday, the week of the due-soon assignment
        assertThat(view.weeks()).hasSize(53);
        assertThat(view.weeks()).filteredOn(w -> w.monday().toString().equals("2031-06-16"))
                .singleElement().extracting(LeaderDashboard.WeekRow::counts).isEqualTo(new BucketCounts(0, 0, 1, 0, 1));
        assertThat(view.weeks().stream().map(LeaderDashboard.WeekRow::counts)
                .reduce(BucketCounts.ZERO, BucketCounts::plus)).isEqualTo(view.totals());
    }

    /**
     * Without a period, the citywide combinations read closed work from the closed tally and count only the open rows
     * (the fast path of the citywide request): the same numbers as counting every row, with and without the unit kind
     * and source filters.
     */
    @Test
    void withoutAPeriodTheClosedTallyGivesTheSameCountsAsEveryRow() {
        List<String> wards = dashboard.view(LeaderDashboard.Scope.CITY, DashboardFilter.parse("ward", null, null), NOW)
                .units().stream().map(LeaderDashboard.UnitRow::code).toList();
        for (DashboardRepository.Criteria criteria : List.of(
                new DashboardRepository.Criteria(null, null, null, null, null),
                new DashboardRepository.Criteria(null, wards, null, null, null),
                new DashboardRepository.Criteria(null, null, WorkSource.INSTANT, null, null),
                new DashboardRepository.Criteria(null, List.of(), null, null, null))) {
            assertThat(DashboardRepository.tallied("unit_code", criteria)).isTrue();
            assertThat(combinations(DashboardRepository.tallyCombinationsSql(criteria, NOW)))
                    .as("%s", criteria)
                    .isEqualTo(combinations(DashboardRepository.scanCombinationsSql("unit_code", criteria, NOW)));
        }
        assertThat(DashboardRepository.tallied("unit_code", new DashboardRepository.Criteria(null, null, null,
                OffsetDateTime.parse("2031-01-01T00:00:00+07:00"), null))).isFalse();
        assertThat(DashboardRepository.tallied("holder_group", new DashboardRepository.Criteria(WARD_A, null, null,
                null, null))).isFalse();
        // the view without a period: this test's rows are there (other tests' rows share the database), the
        // department's work of 2030 included
        LeaderDashboard.View all = dashboard.view(LeaderDashboard.Scope.CITY, DashboardFilter.parse(null, null, null),
                NOW);
        assertThat(row(all.units(), DEPARTMENT).overdue()).isGreaterThanOrEqualTo(2);
        assertThat(all.totals()).isEqualTo(all.sources().stream().map(LeaderDashboard.SourceRow::counts)
                .reduce(BucketCounts.ZERO, BucketCounts::plus));
    }

    /** The rows of a combinations statement, as comparable strings (key and the five bucket counts). */
    java.util.Set<String> combinations(StatusBuckets.Sql sql) {
        java.util.Set<String> rows = new java.util.TreeSet<>();
        jdbc.sql(sql.text()).params(sql.params()).query(rs -> {
            StringBuilder row = new StringBuilder(rs.getString("grp") + "|" + rs.getString("src") + "|"
                    + rs.getString("ldr"));
            long total = 0;
            for (vn.dieuhanh.assignment.StatusBucket bucket : vn.dieuhanh.assignment.StatusBucket.values()) {
                long n = rs.getLong(StatusBuckets.column(bucket));
                total += n;
                row.append('|').append(n);
            }
            if (total > 0) {
                rows.add(row.toString());
            }
        });
        return rows;
    }

    @Test
    void filtersByUnitKindSourceAndPeriod() {
        assertThat(dashboard.view(LeaderDashboard.Scope.CITY, DashboardFilter.parse("ward", null, "2031"), NOW)
                .totals()).isEqualTo(new BucketCounts(2, 1, 2, 2, 1));
        LeaderDashboard.View wards = dashboard.view(LeaderDashboard.Scope.CITY,
                DashboardFilter.parse("ward", null, "2031"), NOW);
        assertThat(wards.units()).allMatch(u -> u.kindLabel().equals("Phường"));
        assertThat(dashboard.view(LeaderDashboard.Scope.CITY, DashboardFilter.parse(null, "INSTANT", "2031"), NOW)
                .totals()).isEqualTo(new BucketCounts(1, 0, 2, 1, 1));
        LeaderDashboard.View quarter = dashboard.view(LeaderDashboard.Scope.CITY,
                DashboardFilter.parse(null, null, "2031-Q2"), NOW);
        assertThat(quarter.totals()).isEqualTo(new BucketCounts(0, 0, 1, 3, 1));
        assertThat(quarter.weeks()).hasSize(14);
        assertThat(dashboard.view(LeaderDashboard.Scope.CITY, DashboardFilter.parse(null, null, "2031-03"), NOW)
                .totals()).isEqualTo(new BucketCounts(1, 1, 0, 0, 0));
        assertThatThrownBy(() -> DashboardFilter.parse("tinh", null, null)).hasMessageStartingWith("Loại đơn vị");
        assertThatThrownBy(() -> DashboardFilter.parse(null, null, "2031-13")).hasMessageStartingWith("Kỳ");
    }

    @Test
    void aWardHeadSeesHisWardByDivisionAndAnOfficerIsRefused() {
        assertThat(dashboard.scopeOf(LEADER_1, List.of(Roles.LEADER))).isEqualTo(LeaderDashboard.Scope.CITY);
        assertThat(dashboard.scopeOf(OFFICE, List.of(Roles.CITY_OFFICE, Roles.OFFICER)))
                .isEqualTo(LeaderDashboard.Scope.CITY);
        LeaderDashboard.Scope ward = dashboard.scopeOf(HEAD_A, List.of(WARD_A, Roles.HEAD));
        assertThat(ward.unitCode()).isEqualTo(WARD_A);
        assertThat(ward.label()).isEqualTo("Phường An Khánh");

        LeaderDashboard.View view = dashboard.view(ward, YEAR_2031, NOW);
        assertThat(view.totals()).isEqualTo(new BucketCounts(1, 1, 2, 1, 1));
        assertThat(view.units().get(0).code()).isEqualTo(WARD_A);
        assertThat(view.units().get(0).counts()).isEqualTo(new BucketCounts(1, 1, 2, 0, 1));
        assertThat(row(view.units(), DIVISION_A)).isEqualTo(new BucketCounts(0, 0, 0, 1, 0));
        assertThat(view.units()).extracting(LeaderDashboard.UnitRow::code).allMatch(code -> code.startsWith(WARD_A));
        assertThat(view.overdue()).extracting(LeaderDashboard.OverdueItem::unitCode).containsExactly(WARD_A);
        assertThat(view.leaders()).extracting(LeaderDashboard.LeaderRow::userId)
                .containsExactlyInAnyOrder(LEADER_1, LEADER_2, HEAD_A);

        assertThatThrownBy(() -> dashboard.scopeOf(OFFICER_B, List.of(WARD_B, Roles.OFFICER)))
                .isInstanceOf(Forbidden.class).hasMessageStartingWith("Chỉ lãnh đạo UBND Thành phố");
        assertThatThrownBy(() -> dashboard.scopeOf("dash.nobody", List.of()))
                .isInstanceOf(Forbidden.class);
    }

    @Test
    void theBucketsAreTheSummarysBuckets() {
        // /api/assignments/summary's statement over the same rows gives the same totals
        AssignmentQuery query = new AssignmentQuery(WARD_A, null, null, null, null, null,
                new AssignmentVisibility(LEADER_1, List.of(Roles.LEADER)));
        java.util.Map<String, java.util.Map<vn.dieuhanh.assignment.StatusBucket, Long>> summary =
                assignments.summary(query, "unit_code", NOW);
        LeaderDashboard.View ward = dashboard.view(dashboard.scopeOf(HEAD_A, List.of(WARD_A, Roles.HEAD)),
                DashboardFilter.NONE, NOW);
        assertThat(ward.totals()).isEqualTo(BucketCounts.of(summary.get(WARD_A)));
    }

    static BucketCounts row(List<LeaderDashboard.UnitRow> rows, String code) {
        return rows.stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow().counts();
    }

    void insert(String unit, String holderGroup, WorkSource source, String assignedBy, String deadline,
                String completedAt, String cancelledAt, String dueSoonFrom) {
        OffsetDateTime d = OffsetDateTime.parse(deadline);
        assignments.insert(new AssignmentRecord(UUID.randomUUID().toString(), null, null, AssignmentRole.INSTANT, source,
                Urgency.NORMAL, unit, "dash-test " + unit + " " + deadline, null, assignedBy, assignedBy, holderGroup,
                null, d, d.minusDays(30), null, completedAt == null ? null : OffsetDateTime.parse(completedAt),
                cancelledAt == null ? null : OffsetDateTime.parse(cancelledAt), null, 2,
                dueSoonFrom == null ? d.minusDays(3) : OffsetDateTime.parse(dueSoonFrom)));
    }
}
