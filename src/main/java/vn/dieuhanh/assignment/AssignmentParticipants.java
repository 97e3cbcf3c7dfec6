package vn.dieuhanh.assignment;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Who is involved in an assignment, for capabilities that talk to them (conversations, nudges). Visibility is the
 * assignment's own rule ("who sees what" in the README), applied to the authenticated caller.
 */
public interface AssignmentParticipants {

    /** The assignment's participants if it exists and the authenticated caller may see it, else empty. */
    Optional<Participants> visibleToCaller(String assignmentId);

    /** Appends a {@link TrailEventKind#NUDGED} entry to the trail, in the caller's transaction. */
    void recordNudge(String assignmentId, String actor, String note);

    /**
     * @param holderUser the official who holds it now, or null while it sits with a unit or division group
     * @param assignedBy the assigner (a leader or unit head)
     * @param reviewer   who accepts or returns the result
     * @param open       neither completed nor cancelled
     */
    record Participants(String assignmentId, String unitCode, String holderUser, String assignedBy, String reviewer,
                        String title, OffsetDateTime deadline, boolean open) {
    }
}
