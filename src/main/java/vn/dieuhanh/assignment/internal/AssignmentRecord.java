package vn.dieuhanh.assignment.internal;

import java.time.OffsetDateTime;
import vn.dieuhanh.assignment.AssignmentRole;
import vn.dieuhanh.assignment.Urgency;
import vn.dieuhanh.assignment.WorkSource;

/** A row of {@code asg_assignment}. */
record AssignmentRecord(
        String id,
        String directiveId,
        String leadAssignmentId,
        AssignmentRole role,
        WorkSource source,
        Urgency urgency,
        String unitCode,
        String title,
        String description,
        String assignedBy,
        String reviewer,
        String holderGroup,
        String holderUser,
        OffsetDateTime deadline,
        OffsetDateTime createdAt,
        String resultSummary,
        OffsetDateTime completedAt,
        OffsetDateTime cancelledAt,
        String processInstanceId,
        /* the due-soon window in working days (the policy's, or the fallback) and the instant it opens */
        Integer dueSoonWorkingDays,
        OffsetDateTime dueSoonFrom) {

    boolean isOpen() {
        return completedAt == null && cancelledAt == null;
    }
}
