package vn.dieuhanh.assignment;

import java.time.Instant;

/** Published (synchronously, in the engine transaction of the decision) when the assigner approves an extension. */
public record ExtensionGranted(String assignmentId, String unitCode, String holderUser, Instant previousDeadline,
                               Instant newDeadline, Instant grantedAt) {
}
