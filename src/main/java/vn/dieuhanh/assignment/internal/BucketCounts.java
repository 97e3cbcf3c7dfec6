package vn.dieuhanh.assignment.internal;

import java.util.Map;
import vn.dieuhanh.assignment.StatusBucket;

/**
 * The four status buckets and "due soon" (a part of "open within deadline") of a group of assignments, from the one
 * bucket definition ({@link StatusBuckets}).
 */
public record BucketCounts(long onTime, long late, long openWithinDeadline, long overdue, long dueSoon) {

    static final BucketCounts ZERO = new BucketCounts(0, 0, 0, 0, 0);

    static BucketCounts of(Map<StatusBucket, Long> counts) {
        return new BucketCounts(counts.getOrDefault(StatusBucket.COMPLETED_ON_TIME, 0L),
                counts.getOrDefault(StatusBucket.COMPLETED_LATE, 0L),
                counts.getOrDefault(StatusBucket.OPEN_WITHIN_DEADLINE, 0L),
                counts.getOrDefault(StatusBucket.OPEN_OVERDUE, 0L), counts.getOrDefault(StatusBucket.DUE_SOON, 0L));
    }

    BucketCounts plus(BucketCounts other) {
        return new BucketCounts(onTime + other.onTime, late + other.late, openWithinDeadline + other.openWithinDeadline,
                overdue + other.overdue, dueSoon + other.dueSoon);
    }

    /** Every assignment counted (the four exclusive buckets; due soon is inside "open within deadline"). */
    public long total() {
        return onTime + late + openWithinDeadline + overdue;
    }

    /** Open: within deadline or overdue. */
    public long open() {
        return openWithinDeadline + overdue;
    }

    /**
     * Tỷ lệ đúng hạn, in percent: of the assignments whose outcome is known or late already (completed, or open past
     * the deadline), the share completed on time; null when there is none yet.
     */
    public Double percentOnTime() {
        long decided = onTime + late + overdue;
        return decided == 0 ? null : Math.round(1000.0 * onTime / decided) / 10.0;
    }
}
