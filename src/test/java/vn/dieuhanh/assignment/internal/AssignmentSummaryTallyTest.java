package vn.dieuhanh.assignment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.StatementCounter;
import vn.dieuhanh.assignment.AssignmentRole;
import vn.dieuhanh.assignment.StatusBucket;
import vn.dieuhanh.assignment.Urgency;
import vn.dieuhanh.assignment.WorkSource;
import vn.dieuhanh.platform.Roles;

/**
 * {@code GET /api/assignments/summary} for those who see everything counts closed work from {@code asg_closed_tally}
 * and reads only the open rows of {@code asg_assignment} (issue 15: it grouped every row, a year's history included):
 * one statement, and exactly the counts of grouping every row, whatever closed the rows (completion on time or
 * late, cancellation) and whatever changed a closed row afterwards (its holder, its deadline).
 */
@PostgresIntegrationTest
class AssignmentSummaryTallyTest {

    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final String unit = "tally-unit-" + tag;
    final String assigner = "tally-leader-" + tag;
    final Instant now = Instant.parse("2031-06-15T03:00:00Z");
    final AssignmentVisibility leader = new AssignmentVisibility(assigner, List.of(Roles.LEADER));

    @Autowired
    AssignmentRepository repository;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeRows() {
        jdbc.sql("DELETE FROM asg_assignment WHERE unit_code = ?").param(unit).update();
        jdbc.sql("DELETE FROM asg_closed_tally WHERE unit_code = ?").param(unit).update();
    }

    @Test
    void closedWorkComesFromTheTallyWithTheCountsOfEveryRow() {
        // open: within deadline, due soon, overdue; held by an official, by a division only (no holder)
        insert("open-within", "official-a", WorkSource.CENTRAL, days(20));
        insert("open-due-soon", "official-a", WorkSource.CENTRAL, days(1));
        insert("open-overdue", null, WorkSource.INSTANT, days(-3));
        // closed through the repository's own steps
        insert("on-time", "official-a", WorkSource.CENTRAL, days(-10));
        repository.markCompleted(id("on-time"), at(days(-12)));
        insert("late", "official-b", WorkSource.INSTANT, days(-10));
        repository.markCompleted(id("late"), at(days(-2)));
        repository.markCompleted(id("late"), at(days(-1))); // a second acceptance changes nothing
        insert("cancelled-only-holder", "official-c", WorkSource.CENTRAL, days(5));
        repository.markCancelled(id("cancelled-only-holder"), at(days(-1)));
        insert("completed-then-cancelled", "official-a", WorkSource.CENTRAL, days(5));
        repository.markCompleted(id("completed-then-cancelled"), at(days(-1)));
        repository.markCancelled(id("completed-then-cancelled"), at(days(0)));
        // a closed row changed afterwards: another holder, a later deadline (late becomes on time)
        insert("moved", "official-a", WorkSource.CENTRAL, days(-10));
        repository.markCompleted(id("moved"), at(days(-5)));
        repository.updateHolder(id("moved"), unit, "official-d");
        repository.updateDeadline(id("moved"), at(days(-4)), at(days(-6)));
        // an open row delegated: no tally entry
        insert("delegated", "official-a", WorkSource.CENTRAL, days(9));
        repository.updateHolder(id("delegated"), unit, "official-b");

        for (String column : List.of("unit_code", "holder_user", "source", "assigned_by")) {
            for (AssignmentQuery query : List.of(query(unit, null, null), query(null, null, assigner),
                    query(unit, WorkSource.CENTRAL, null))) {
                if (query.unitCode() == null && !column.equals("assigned_by") && !column.equals("unit_code")) {
                    continue; // without a unit filter other tests' rows would be grouped too
                }
                AssignmentQuery visible = query.withVisibility(leader);
                assertThat(AssignmentRepository.summarySql(visible, column, now).text())
                        .contains("asg_closed_tally");
                assertThat(repository.summary(visible, column, now)).as(column + " " + query)
                        .isEqualTo(scan(visible, column));
            }
        }

        Map<String, Map<StatusBucket, Long>> byHolder = repository.summary(query(unit, null, null)
                .withVisibility(leader), "holder_user", now);
        assertThat(byHolder.keySet()).containsExactlyInAnyOrder("official-a", "official-b", "official-c",
                "official-d", "");
        assertThat(byHolder.get("official-c").values()).as("a holder with cancelled work only is listed, zeros")
                .containsOnly(0L);
        assertThat(byHolder.get("official-a")).containsEntry(StatusBucket.COMPLETED_ON_TIME, 1L)
                .containsEntry(StatusBucket.OPEN_WITHIN_DEADLINE, 2L).containsEntry(StatusBucket.DUE_SOON, 1L);
        assertThat(byHolder.get("official-b")).containsEntry(StatusBucket.COMPLETED_LATE, 1L)
                .containsEntry(StatusBucket.OPEN_WITHIN_DEADLINE, 1L);
        assertThat(byHolder.get("official-d")).containsEntry(StatusBucket.COMPLETED_ON_TIME, 1L)
                .containsEntry(StatusBucket.COMPLETED_LATE, 0L);
        assertThat(byHolder.get("")).containsEntry(StatusBucket.OPEN_OVERDUE, 1L);
    }

    @Test
    void theSummaryIsOneStatementThatReadsOnlyOpenRowsOfTheAssignmentTable() {
        insert("open", "official-a", WorkSource.CENTRAL, days(20));
        for (int i = 0; i < 30; i++) {
            insert("closed-" + i, "official-a", WorkSource.CENTRAL, days(-10));
            repository.markCompleted(id("closed-" + i), at(days(i % 2 == 0 ? -12 : -1)));
        }
        AssignmentQuery query = query(unit, null, null).withVisibility(leader);
        try (StatementCounter counter = StatementCounter.onThisThread()) {
            Map<String, Map<StatusBucket, Long>> summary = repository.summary(query, "unit_code", now);
            assertThat(counter.count()).as("statements: " + counter.parsed()).isEqualTo(1);
            assertThat(counter.parsed()).contains("FROM asg_closed_tally")
                    .contains("FROM asg_assignment WHERE completed_at IS NULL AND cancelled_at IS NULL");
            assertThat(summary.get(unit)).containsEntry(StatusBucket.COMPLETED_ON_TIME, 15L)
                    .containsEntry(StatusBucket.COMPLETED_LATE, 15L)
                    .containsEntry(StatusBucket.OPEN_WITHIN_DEADLINE, 1L);
        }
        // the tally holds one row for the 30 closed assignments of this key
        assertThat(jdbc.sql("SELECT COUNT(*) FROM asg_closed_tally WHERE unit_code = ?").param(unit)
                .query(Long.class).single()).isEqualTo(1L);
        // an official's summary (the visibility set) and a filter by official or directive group every row as before
        assertThat(AssignmentRepository.summarySql(query(unit, null, null).withVisibility(
                new AssignmentVisibility("official-a", List.of(unit))), "unit_code", now).text())
                .doesNotContain("asg_closed_tally");
        assertThat(AssignmentRepository.summarySql(new AssignmentQuery(unit, "official-a", null, null, null, null,
                leader), "unit_code", now).text()).doesNotContain("asg_closed_tally");
    }

    private Map<String, Map<StatusBucket, Long>> scan(AssignmentQuery query, String column) {
        StatusBuckets.Sql sql = AssignmentRepository.scanSummarySql(query, column, now);
        Map<String, Map<StatusBucket, Long>> result = new LinkedHashMap<>();
        jdbc.sql(sql.text()).params(sql.params()).query(rs -> {
            Map<StatusBucket, Long> counts = new LinkedHashMap<>();
            for (StatusBucket bucket : StatusBucket.values()) {
                counts.put(bucket, rs.getLong(StatusBuckets.column(bucket)));
            }
            result.put(rs.getString("grp") == null ? "" : rs.getString("grp"), counts);
        });
        return result;
    }

    private AssignmentQuery query(String unitCode, WorkSource source, String assignedBy) {
        return new AssignmentQuery(unitCode, null, source, assignedBy, null, null, null);
    }

    private String id(String name) {
        return tag + "-" + name;
    }

    private Instant days(int days) {
        return now.plusSeconds(days * 86_400L);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private void insert(String name, String holder, WorkSource source, Instant deadline) {
        repository.insert(new AssignmentRecord(id(name), null, null, AssignmentRole.INSTANT, source, Urgency.NORMAL,
                unit, "Việc " + name, null, assigner, assigner, unit, holder, at(deadline), at(days(-30)), null, null,
                null, null, 2, at(deadline.minusSeconds(3 * 86_400L))));
    }
}
