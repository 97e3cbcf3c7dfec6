package vn.dieuhanh.assignment.internal;

import java.util.List;
import vn.dieuhanh.platform.Roles;

/**
 * Who may see which assignments: administrators and city leaders see all; everyone else sees what was assigned to a
 * group of theirs (their unit or division), to them, by them, for their review, or delegated to them on the way, and
 * the lead unit sees its coordinating units' assignments.
 */
record AssignmentVisibility(String userId, List<String> groupIds) {

    boolean seesEverything() {
        return groupIds.contains(Roles.ADMIN) || groupIds.contains(Roles.LEADER);
    }

    boolean sees(AssignmentRecord assignment, List<TrailEvent> trail, AssignmentRecord leadAssignment) {
        return seesEverything()
                || userId.equals(assignment.assignedBy())
                || userId.equals(assignment.reviewer())
                || userId.equals(assignment.holderUser())
                || groupIds.contains(assignment.unitCode())
                || trail.stream().anyMatch(event -> userId.equals(event.target()))
                || (leadAssignment != null && groupIds.contains(leadAssignment.unitCode()));
    }
}
