package vn.dieuhanh.assignment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.dieuhanh.assignment.AssignmentRole;
import vn.dieuhanh.assignment.StatusBucket;
import vn.dieuhanh.assignment.Urgency;
import vn.dieuhanh.assignment.WorkSource;
import vn.dieuhanh.calendar.WorkingCalendar;
import vn.dieuhanh.calendar.internal.ShippedCalendar;

/** The stored due-soon instant and the one bucket definition, without the engine or a database. */
class StatusBucketsTest {

    final WorkingCalendar calendar = ShippedCalendar.withOfficialSchedules();
    final StatusBuckets buckets = new StatusBuckets(calendar, java.time.Clock.systemUTC(), 2);

    @Test
    void dueSoonFromIsTheStartOfTheDayTheWindowReachesTheDeadline() {
        OffsetDateTime friday = OffsetDateTime.parse("2026-03-06T23:59:59+07:00");
        assertThat(buckets.dueSoonFrom(friday, 2)).isEqualTo(OffsetDateTime.parse("2026-03-04T00:00:00+07:00"));
        assertThat(buckets.dueSoonFrom(friday, 1)).isEqualTo(OffsetDateTime.parse("2026-03-05T00:00:00+07:00"));
        assertThat(buckets.dueSoonFrom(friday, 0)).isEqualTo(OffsetDateTime.parse("2026-03-06T00:00:00+07:00"));
        // a Monday deadline with one working day: from Saturday (the weekend's next working day is Monday)
        OffsetDateTime monday = OffsetDateTime.parse("2026-03-09T23:59:59+07:00");
        assertThat(buckets.dueSoonFrom(monday, 1)).isEqualTo(OffsetDateTime.parse("2026-03-06T00:00:00+07:00"));
        // the calendar's last day (31/12/2100, a Friday): counting past it does not fail
        OffsetDateTime last = OffsetDateTime.parse("2100-12-31T23:59:59+07:00");
        assertThat(buckets.dueSoonFrom(last, 2)).isEqualTo(OffsetDateTime.parse("2100-12-29T00:00:00+07:00"));
    }

    /** The stored instant gives exactly the old rule: the deadline within N working days of now's day. */
    @Test
    void dueSoonFromAgreesWithTheWindowCountedFromNow() {
        Random random = new Random(13);
        Instant base = OffsetDateTime.parse("2026-01-01T00:00:00+07:00").toInstant(); // Tết 2026 in February
        for (int i = 0; i < 3000; i++) {
            Instant now = base.plusSeconds(random.nextInt(120 * 24 * 3600));
            OffsetDateTime deadline = base.plusSeconds(random.nextInt(130 * 24 * 3600)).atOffset(java.time.ZoneOffset.UTC);
            int window = random.nextInt(6);
            boolean old = !deadline.toInstant().isAfter(calendar.deadlineAfterWorkingDays(now, window).toInstant());
            boolean stored = !buckets.dueSoonFrom(deadline, window).toInstant().isAfter(now);
            assertThat(stored).as("now %s, deadline %s, window %d", now, deadline, window).isEqualTo(old);
        }
    }

    @Test
    void javaClassificationFollowsTheDefinition() {
        Instant now = OffsetDateTime.parse("2026-03-04T14:00:00+07:00").toInstant();
        OffsetDateTime friday = OffsetDateTime.parse("2026-03-06T23:59:59+07:00");
        AssignmentRecord open = record(friday, null, null, buckets.dueSoonFrom(friday, 1));
        assertThat(buckets.bucketOf(open, now)).isEqualTo(StatusBucket.OPEN_WITHIN_DEADLINE);
        assertThat(buckets.dueSoon(open, now)).isFalse();
        AssignmentRecord wider = record(friday, null, null, buckets.dueSoonFrom(friday, 2));
        assertThat(buckets.bucketOf(wider, now)).isEqualTo(StatusBucket.OPEN_WITHIN_DEADLINE);
        assertThat(buckets.dueSoon(wider, now)).isTrue();
        Instant saturday = OffsetDateTime.parse("2026-03-07T08:00:00+07:00").toInstant();
        assertThat(buckets.bucketOf(wider, saturday)).isEqualTo(StatusBucket.OPEN_OVERDUE);
        assertThat(buckets.dueSoon(wider, saturday)).isFalse();
        assertThat(buckets.bucketOf(record(friday, friday, null, null), saturday))
                .isEqualTo(StatusBucket.COMPLETED_ON_TIME);
        assertThat(buckets.bucketOf(record(friday, friday.plusSeconds(1), null, null), saturday))
                .isEqualTo(StatusBucket.COMPLETED_LATE);
        assertThat(buckets.bucketOf(record(friday, null, friday, null), now)).isNull();
        assertThat(StatusBuckets.condition(StatusBucket.DUE_SOON, now).text()).isEqualTo("(cancelled_at IS NULL"
                + " AND completed_at IS NULL AND deadline >= ? AND due_soon_from <= ?)");
    }

    private static AssignmentRecord record(OffsetDateTime deadline, OffsetDateTime completedAt,
                                           OffsetDateTime cancelledAt, OffsetDateTime dueSoonFrom) {
        return new AssignmentRecord("a", null, null, AssignmentRole.INSTANT, WorkSource.INSTANT, Urgency.NORMAL,
                "u", "t", null, "ld", "ld", "u", null, deadline, deadline.minusDays(10), null, completedAt,
                cancelledAt, null, null, dueSoonFrom);
    }
}
