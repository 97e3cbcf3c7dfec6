package vn.dieuhanh.assignment.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.dieuhanh.assignment.StatusBucket;
import vn.dieuhanh.calendar.CalendarArgumentException;
import vn.dieuhanh.calendar.WorkingCalendar;

/**
 * The one definition of the status buckets. Each bucket is a conjunction of {@link Term}s; every term is written once
 * as SQL on {@code asg_assignment}'s columns and once as the same test on an {@link AssignmentRecord}, side by side,
 * so the lists' WHERE, the summary's CASE and the Java classification cannot drift apart.
 * <p>
 * "Due soon" (sắp đến hạn) is a part of "open within deadline": open, deadline not passed, and now at or after the
 * assignment's stored {@code due_soon_from}. That instant is computed with the working calendar from the reminder
 * policy's {@code warningWindowWorkingDays} (DMN {@code reminder-policy}) when the lifecycle opens and whenever the
 * deadline changes; {@code dieuhanh.assignments.due-soon-working-days} is the window until then (and for rows written
 * before the window was stored). "Now" is the engine clock.
 */
@Component
class StatusBuckets {

    /** One condition of a bucket: its SQL ({@code ?} stands for "now") and its Java twin. */
    enum Term {
        NOT_CANCELLED("cancelled_at IS NULL", (a, now) -> a.cancelledAt() == null),
        COMPLETED("completed_at IS NOT NULL", (a, now) -> a.completedAt() != null),
        NOT_COMPLETED("completed_at IS NULL", (a, now) -> a.completedAt() == null),
        COMPLETED_BY_DEADLINE("completed_at <= deadline", (a, now) -> !a.completedAt().isAfter(a.deadline())),
        COMPLETED_AFTER_DEADLINE("completed_at > deadline", (a, now) -> a.completedAt().isAfter(a.deadline())),
        DEADLINE_NOT_PASSED("deadline >= ?", (a, now) -> !a.deadline().toInstant().isBefore(now)),
        DEADLINE_PASSED("deadline < ?", (a, now) -> a.deadline().toInstant().isBefore(now)),
        IN_WARNING_WINDOW("due_soon_from <= ?",
                (a, now) -> a.dueSoonFrom() != null && !a.dueSoonFrom().toInstant().isAfter(now));

        final String sql;
        final BiPredicate<AssignmentRecord, Instant> test;

        Term(String sql, BiPredicate<AssignmentRecord, Instant> test) {
            this.sql = sql;
            this.test = test;
        }

        boolean usesNow() {
            return sql.contains("?");
        }
    }

    /** The buckets, each a conjunction of terms evaluated in order (so a later term may rely on an earlier one). */
    static final Map<StatusBucket, List<Term>> DEFINITION = new EnumMap<>(Map.of(
            StatusBucket.COMPLETED_ON_TIME, List.of(Term.NOT_CANCELLED, Term.COMPLETED, Term.COMPLETED_BY_DEADLINE),
            StatusBucket.COMPLETED_LATE, List.of(Term.NOT_CANCELLED, Term.COMPLETED, Term.COMPLETED_AFTER_DEADLINE),
            StatusBucket.OPEN_WITHIN_DEADLINE, List.of(Term.NOT_CANCELLED, Term.NOT_COMPLETED,
                    Term.DEADLINE_NOT_PASSED),
            StatusBucket.OPEN_OVERDUE, List.of(Term.NOT_CANCELLED, Term.NOT_COMPLETED, Term.DEADLINE_PASSED),
            StatusBucket.DUE_SOON, List.of(Term.NOT_CANCELLED, Term.NOT_COMPLETED, Term.DEADLINE_NOT_PASSED,
                    Term.IN_WARNING_WINDOW)));

    /** The four buckets an assignment that is not cancelled falls in exactly one of. */
    static final List<StatusBucket> EXCLUSIVE = List.of(StatusBucket.COMPLETED_ON_TIME, StatusBucket.COMPLETED_LATE,
            StatusBucket.OPEN_WITHIN_DEADLINE, StatusBucket.OPEN_OVERDUE);

    /** A SQL fragment and its parameters, in order. */
    record Sql(String text, List<Object> params) {
    }

    private final WorkingCalendar calendar;
    private final int fallbackDueSoonWorkingDays;
    private final Clock clock;

    StatusBuckets(WorkingCalendar calendar, Clock clock,
                  @Value("${dieuhanh.assignments.due-soon-working-days:2}") int fallbackDueSoonWorkingDays) {
        this.calendar = calendar;
        this.clock = clock;
        this.fallbackDueSoonWorkingDays = fallbackDueSoonWorkingDays;
    }

    /** "Now", read once per request. */
    Instant now() {
        return clock.instant();
    }

    // ---- SQL ----

    /** The bucket's condition on {@code asg_assignment}, for a WHERE or a CASE WHEN. */
    static Sql condition(StatusBucket bucket, Instant now) {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (Term term : DEFINITION.get(bucket)) {
            parts.add(term.sql);
            if (term.usesNow()) {
                params.add(now.atOffset(ZoneOffset.UTC));
            }
        }
        return new Sql("(" + String.join(" AND ", parts) + ")", params);
    }

    /** {@code SUM(CASE WHEN <condition> THEN 1 ELSE 0 END) AS <bucket>} for every bucket, comma separated. */
    static Sql counts(Instant now) {
        List<String> columns = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (StatusBucket bucket : StatusBucket.values()) {
            Sql condition = condition(bucket, now);
            columns.add("SUM(CASE WHEN " + condition.text() + " THEN 1 ELSE 0 END) AS " + column(bucket));
            params.addAll(condition.params());
        }
        return new Sql(String.join(", ", columns), params);
    }

    /** The result column {@link #counts} names for a bucket. */
    static String column(StatusBucket bucket) {
        return "bucket_" + bucket.name().toLowerCase(java.util.Locale.ROOT);
    }

    // ---- Java ----

    static boolean holds(StatusBucket bucket, AssignmentRecord a, Instant now) {
        for (Term term : DEFINITION.get(bucket)) {
            if (!term.test.test(a, now)) {
                return false;
            }
        }
        return true;
    }

    /** The bucket, or null for a cancelled assignment (cancelled work is counted in no bucket). */
    StatusBucket bucketOf(AssignmentRecord a, Instant now) {
        for (StatusBucket bucket : EXCLUSIVE) {
            if (holds(bucket, a, now)) {
                return bucket;
            }
        }
        return null;
    }

    boolean dueSoon(AssignmentRecord a, Instant now) {
        return holds(StatusBucket.DUE_SOON, a, now);
    }

    // ---- the stored window ----

    int fallbackDueSoonWorkingDays() {
        return fallbackDueSoonWorkingDays;
    }

    /**
     * The first instant at which an open assignment with this deadline is "due soon" with a window of
     * {@code workingDays}: the start of the earliest day from which the deadline's day is at most that many working
     * days ahead (the deadline's own day with a window of 0). Equivalently: due soon at {@code now} exactly when the
     * deadline is not after the end of the {@code workingDays}-th working day after now's day.
     */
    OffsetDateTime dueSoonFrom(OffsetDateTime deadline, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("The due-soon window must not be negative, got " + workingDays);
        }
        LocalDate deadlineDay = deadline.atZoneSameInstant(WorkingCalendar.ZONE).toLocalDate();
        LocalDate first = deadlineDay;
        // bounded: a window of n working days reaches back n working days plus the weekends and holidays between
        for (int step = 0; step < 7 * workingDays + 60; step++) {
            LocalDate before = first.minusDays(1);
            try {
                if (calendar.addWorkingDays(before, workingDays).isBefore(deadlineDay)) {
                    break;
                }
            } catch (CalendarArgumentException beyondTheCalendar) {
                // a deadline in the calendar's last days: the window counts past 2100, so it reaches the deadline
            }
            first = before;
        }
        return first.atStartOfDay(WorkingCalendar.ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }
}
