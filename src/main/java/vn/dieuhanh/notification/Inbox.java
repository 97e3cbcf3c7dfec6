package vn.dieuhanh.notification;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The in-app inbox (hộp thư) of each official, filled by the notification relay; for the web app's pages. */
public interface Inbox {

    /** One message; times in Vietnam's zone. */
    record Message(long id, NotificationKind kind, String assignmentId, String subject, String body,
                   OffsetDateTime createdAt, OffsetDateTime readAt) {

        public boolean read() {
            return readAt != null;
        }
    }

    /** A message that arrived: its id (ascending over time) and recipient, for live updates. */
    record Arrival(long id, String recipient) {
    }

    /** The recipient's messages, newest first, at most {@code limit}; only unread ones if {@code unreadOnly}. */
    List<Message> messages(String recipient, boolean unreadOnly, int limit);

    int unreadCount(String recipient);

    /** Unread counts of several recipients (absent: none unread), in one query. */
    Map<String, Integer> unreadCounts(Collection<String> recipients);

    /** Marks one of the recipient's messages read; false if he has no such message. */
    boolean markRead(long id, String recipient);

    /** Marks all of the recipient's messages read; how many were unread. */
    int markAllRead(String recipient);

    /** Messages with an id above {@code watermark}, oldest first, at most {@code limit} (any recipient). */
    List<Arrival> arrivalsAfter(long watermark, int limit);

    /** The highest message id so far (0 when empty): where live updates start. */
    long watermark();
}
