package vn.dieuhanh.assignment;

import java.time.Instant;

/**
 * Published (Spring application event, synchronously, in the engine transaction of the review) when a reviewer
 * accepts an assignment's result. The {@code kpi} capability records the completion, on time or late.
 *
 * @param holderUser the official holding the assignment, or null when a unit or division holds it
 * @param deadline   the deadline in force when it was accepted
 */
public record AssignmentAccepted(String assignmentId, String unitCode, String holderUser, Instant deadline,
                                 Instant completedAt) {

    public boolean late() {
        return completedAt.isAfter(deadline);
    }
}
