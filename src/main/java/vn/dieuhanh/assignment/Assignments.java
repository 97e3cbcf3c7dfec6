package vn.dieuhanh.assignment;

import java.time.Instant;
import java.util.List;

/** Creating assignments, for the capabilities that give work (directives, instant assignments). */
public interface Assignments {

    /** Records a new assignment and its first trail entry; the lifecycle process is started by the caller's BPMN. */
    String create(NewAssignment assignment);

    /**
     * Closes the still-open assignments of a directive that ended (its lead result accepted or its lead assignment
     * cancelled): they are recorded as cancelled with the reason, since their processes end with the directive.
     */
    int cancelOpenAssignmentsOf(String directiveId, String reason);

    /**
     * The same, recorded in each cancelled assignment's trail as the decision of {@code actor} (the leader who closed
     * the directive while work was still open) with their reason.
     */
    int cancelOpenAssignmentsOf(String directiveId, String actor, String reason);

    /** The directive's assignments that are still open, in the order they were created. */
    List<OpenAssignment> openAssignmentsOf(String directiveId);

    /**
     * The assignments that were open and past their deadline at an instant: created before it, deadline before it,
     * neither completed nor cancelled by then (the deadline and holder are the ones in force now).
     */
    List<OverdueAssignment> openOverdueAt(Instant at);

    /** The Camunda group an assignment is routed to first: the unit's group. */
    default String firstHolderGroup(NewAssignment assignment) {
        return assignment.unitCode();
    }
}
