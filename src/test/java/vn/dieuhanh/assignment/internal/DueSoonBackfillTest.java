package vn.dieuhanh.assignment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.assignment.AssignmentRole;
import vn.dieuhanh.assignment.Urgency;
import vn.dieuhanh.assignment.WorkSource;

/** Rows written before migration V13 get the fallback window once, at start-up (here: run again by hand). */
@PostgresIntegrationTest
class DueSoonBackfillTest {

    @Autowired
    AssignmentRepository repository;
    @Autowired
    DueSoonBackfill backfill;
    @Autowired
    StatusBuckets buckets;

    @Test
    void rowsWithoutAWindowGetTheFallback() {
        String id = "backfill-" + UUID.randomUUID();
        OffsetDateTime deadline = OffsetDateTime.parse("2026-03-09T23:59:59+07:00"); // a Monday
        repository.insert(new AssignmentRecord(id, null, null, AssignmentRole.INSTANT, WorkSource.INSTANT,
                Urgency.NORMAL, "phuong-ban-co", "Viết trước V13", null, "ld.chair", "ld.chair", "phuong-ban-co",
                null, deadline, deadline.minusDays(10), null, null, null, null, null, null));

        backfill.afterSingletonsInstantiated();

        AssignmentRecord filled = repository.get(id);
        assertThat(filled.dueSoonWorkingDays()).isEqualTo(buckets.fallbackDueSoonWorkingDays()).isEqualTo(2);
        // two working days before Monday 9 March: from Thursday 5 March
        assertThat(filled.dueSoonFrom().toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-03-05T00:00:00+07:00").toInstant());
    }
}
