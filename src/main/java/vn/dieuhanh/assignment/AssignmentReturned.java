package vn.dieuhanh.assignment;

import java.time.Instant;

/**
 * Published (synchronously, in the engine transaction of the review) when a reviewer returns a result for rework:
 * the item failed its quality review.
 */
public record AssignmentReturned(String assignmentId, String unitCode, String holderUser, Instant returnedAt) {
}
