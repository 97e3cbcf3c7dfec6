package vn.dieuhanh.assignment.internal;

import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.dieuhanh.assignment.AssignmentDeadlines;
import vn.dieuhanh.assignment.StatusBucket;
import vn.dieuhanh.calendar.WorkingCalendar;

/** Computes an assignment's bucket from what was recorded and its deadline, at the engine clock's "now". */
@Component
class StatusBuckets {

    private final WorkingCalendar calendar;
    private final int dueSoonWorkingDays;

    StatusBuckets(WorkingCalendar calendar,
                  @Value("${dieuhanh.assignments.due-soon-working-days:2}") int dueSoonWorkingDays) {
        this.calendar = calendar;
        this.dueSoonWorkingDays = dueSoonWorkingDays;
    }

    /** "Now" and the end of the due-soon window, computed once per request rather than once per assignment. */
    record Moment(Instant now, Instant dueSoonLimit) {
    }

    Moment moment() {
        Instant now = AssignmentDeadlines.now();
        return new Moment(now, dueSoonLimit(now));
    }

    /** Open assignments whose deadline falls before this instant are "due soon". */
    Instant dueSoonLimit(Instant now) {
        return calendar.deadlineAfterWorkingDays(now, dueSoonWorkingDays).toInstant();
    }

    /** The bucket, or null for a cancelled assignment (cancelled work is counted in no bucket). */
    StatusBucket bucketOf(AssignmentRecord a, Instant now) {
        if (a.cancelledAt() != null) {
            return null;
        }
        if (a.completedAt() != null) {
            return a.completedAt().isAfter(a.deadline()) ? StatusBucket.COMPLETED_LATE
                    : StatusBucket.COMPLETED_ON_TIME;
        }
        return a.deadline().toInstant().isBefore(now) ? StatusBucket.OPEN_OVERDUE : StatusBucket.OPEN_WITHIN_DEADLINE;
    }

    boolean dueSoon(AssignmentRecord a, Moment moment) {
        return bucketOf(a, moment.now()) == StatusBucket.OPEN_WITHIN_DEADLINE
                && !a.deadline().toInstant().isAfter(moment.dueSoonLimit());
    }
}
