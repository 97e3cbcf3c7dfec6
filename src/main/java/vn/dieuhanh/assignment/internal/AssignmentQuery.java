package vn.dieuhanh.assignment.internal;

import vn.dieuhanh.assignment.StatusBucket;
import vn.dieuhanh.assignment.WorkSource;

/** Filters of the assignment list; {@code null} means "any". */
record AssignmentQuery(String unitCode, String holderUser, WorkSource source, String assignedBy, String directiveId,
                       StatusBucket bucket, AssignmentVisibility visibility) {

    AssignmentQuery withVisibility(AssignmentVisibility newVisibility) {
        return new AssignmentQuery(unitCode, holderUser, source, assignedBy, directiveId, bucket, newVisibility);
    }

    AssignmentQuery withBucket(StatusBucket newBucket) {
        return new AssignmentQuery(unitCode, holderUser, source, assignedBy, directiveId, newBucket, visibility);
    }
}
