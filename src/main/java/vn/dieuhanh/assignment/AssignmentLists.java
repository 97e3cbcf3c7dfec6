package vn.dieuhanh.assignment;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

/**
 * Lists of assignments for the web app's pages (Việc của tôi, Việc đã giao). Each list is keyed by facts the caller
 * already holds for the signed-in official: the process instances of the engine tasks he may see, or his own user id
 * as the assigner; nothing here takes an assignment id from a request without checking, with
 * {@link #visibleToCaller(String)}, that the caller may see it.
 */
public interface AssignmentLists {

    /**
     * One assignment as a row.
     *
     * @param bucket the status bucket now, {@link StatusBucket#DUE_SOON} for open work inside its warning window; null
     *               when cancelled
     */
    record Row(String assignmentId, String title, AssignmentRole role, WorkSource source, Urgency urgency,
               String documentNumber, String unitCode, String holderUser, String assignedBy,
               String processInstanceId, OffsetDateTime deadline, OffsetDateTime completedAt, StatusBucket bucket) {

        public boolean open() {
            return bucket == StatusBucket.OPEN_WITHIN_DEADLINE || bucket == StatusBucket.OPEN_OVERDUE
                    || bucket == StatusBucket.DUE_SOON;
        }
    }

    /** The assignments run by these lifecycle process instances (others are ignored). */
    List<Row> byProcessInstances(Collection<String> processInstanceIds);

    /** What {@code userId} assigned: open ones first, most urgent first, then the latest closed; at most {@code limit}. */
    List<Row> assignedBy(String userId, int limit);

    /**
     * Whether the signed-in caller (the login set on the engine) may see this assignment: the same rule as
     * {@code /api/assignments/{id}} and the item page. Unknown ids are not visible.
     */
    boolean visibleToCaller(String assignmentId);
}
