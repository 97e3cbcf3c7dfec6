package vn.dieuhanh.assignment.internal;

import java.time.OffsetDateTime;
import vn.dieuhanh.assignment.TrailEventKind;

/** A row of {@code asg_trail_event}: one step in an assignment's life. */
record TrailEvent(long id, String assignmentId, TrailEventKind kind, String actor, String target, String note,
                  OffsetDateTime deadlineBefore, OffsetDateTime deadlineAfter, OffsetDateTime occurredAt) {
}
