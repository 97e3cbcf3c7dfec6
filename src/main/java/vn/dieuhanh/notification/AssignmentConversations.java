package vn.dieuhanh.notification;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The conversation on an assignment and leaders' nudges, for pages of other capabilities (the assignment's item page
 * {@code /viec/{id}}). The same service, rules and Vietnamese messages as {@code /api/assignments/{id}/messages} and
 * {@code /nudge}: the authenticated caller must see the assignment (else a 404), only the assigner, a City PC leader
 * or an administrator nudges (else a 403), and only while it is open (else a 409).
 */
public interface AssignmentConversations {

    /** The messages, oldest first. */
    List<Message> thread(String assignmentId);

    /** Posts a message as the authenticated caller; the participants are notified. */
    Message write(String assignmentId, String text);

    /** Reminds whoever holds the assignment now; recorded in the trail. Returns who was notified. */
    String remind(String assignmentId, String note);

    record Message(long id, String author, String authorName, String text, OffsetDateTime at) {
    }
}
