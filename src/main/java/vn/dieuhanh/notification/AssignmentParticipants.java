package vn.dieuhanh.notification;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * What the conversations need to know of an assignment: who is involved, and whether the caller may see it. Declared
 * here and implemented by the assignment capability (which depends on notification, not the other way round), so the
 * capabilities form no cycle. Visibility is the assignment's own rule ("who sees what" in the README).
 */
public interface AssignmentParticipants {

    /** The assignment's participants if it exists and the authenticated caller may see it, else empty. */
    Optional<Participants> visibleToCaller(String assignmentId);

    /** Appends a NUDGED entry to the trail, in the caller's transaction. */
    void recordNudge(String assignmentId, String actor, String note);

    /**
     * Shows the latest messages of the conversation next to the assignment's open steps in Tasklist (the handling and
     * review forms read it), in the caller's transaction.
     */
    void showConversation(String assignmentId, String conversationText);

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
