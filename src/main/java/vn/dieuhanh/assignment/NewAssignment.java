package vn.dieuhanh.assignment;

import java.time.OffsetDateTime;

/**
 * An assignment to create. {@code holderUser} is the official who receives it first (the unit head, or an official
 * the assigner picked directly); {@code reviewer} accepts or returns its result.
 */
public record NewAssignment(
        String directiveId,
        String leadAssignmentId,
        AssignmentRole role,
        WorkSource source,
        Urgency urgency,
        String unitCode,
        String holderUser,
        String title,
        String description,
        String assignedBy,
        String reviewer,
        OffsetDateTime deadline) {
}
