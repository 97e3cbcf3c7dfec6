package vn.dieuhanh.assignment;

/** Creating assignments, for the capabilities that give work (directives, instant assignments). */
public interface Assignments {

    /** Records a new assignment and its first trail entry; the lifecycle process is started by the caller's BPMN. */
    String create(NewAssignment assignment);

    /** The Camunda group an assignment is routed to first: the unit's group. */
    default String firstHolderGroup(NewAssignment assignment) {
        return assignment.unitCode();
    }
}
