package vn.dieuhanh.notification.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.dieuhanh.notification.NotificationKind;

/** Reads and marks the in-app inbox ({@code ntf_inbox_item}) for {@link InboxController}. */
@Repository
class InboxRepository {

    private final JdbcClient jdbc;

    InboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The recipient's items, newest first, at most {@code limit}; only unread ones if {@code unreadOnly}. */
    List<InboxController.InboxItem> items(String recipient, boolean unreadOnly, int limit) {
        return jdbc.sql("SELECT id, kind, assignment_id, subject, body, created_at, read_at FROM ntf_inbox_item"
                        + " WHERE recipient = ?" + (unreadOnly ? " AND read_at IS NULL" : "")
                        + " ORDER BY created_at DESC, id DESC FETCH FIRST " + limit + " ROWS ONLY")
                .param(recipient)
                .query((rs, n) -> {
                    var readAt = InboxController.local(OutboxRepository.time(rs, "read_at"));
                    NotificationKind kind = NotificationKind.valueOf(rs.getString("kind"));
                    return new InboxController.InboxItem(rs.getLong("id"), kind.name(), kind.label(),
                            rs.getString("assignment_id"), rs.getString("subject"), rs.getString("body"),
                            InboxController.local(OutboxRepository.time(rs, "created_at")), readAt, readAt != null);
                })
                .list();
    }

    boolean belongsTo(long id, String recipient) {
        return jdbc.sql("SELECT COUNT(*) FROM ntf_inbox_item WHERE id = ? AND recipient = ?").params(id, recipient)
                .query(Integer.class).single() > 0;
    }

    /** Marks the item read at {@code at} unless it already is. */
    void markRead(long id, String recipient, Instant at) {
        jdbc.sql("UPDATE ntf_inbox_item SET read_at = ? WHERE id = ? AND recipient = ? AND read_at IS NULL")
                .params(OutboxRepository.utc(at), id, recipient).update();
    }

    int unreadCount(String recipient) {
        return jdbc.sql("SELECT COUNT(*) FROM ntf_inbox_item WHERE recipient = ? AND read_at IS NULL")
                .param(recipient).query(Integer.class).single();
    }

    /** Unread counts of the recipients that have unread items (a bounded list). */
    java.util.Map<String, Integer> unreadCounts(List<String> recipients) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        if (recipients.isEmpty()) {
            return counts;
        }
        String marks = String.join(",", java.util.Collections.nCopies(recipients.size(), "?"));
        jdbc.sql("SELECT recipient, COUNT(*) AS unread FROM ntf_inbox_item WHERE read_at IS NULL AND recipient IN ("
                        + marks + ") GROUP BY recipient")
                .params(recipients)
                .query(rs -> {
                    counts.put(rs.getString("recipient"), rs.getInt("unread"));
                });
        return counts;
    }

    int markAllRead(String recipient, Instant at) {
        return jdbc.sql("UPDATE ntf_inbox_item SET read_at = ? WHERE recipient = ? AND read_at IS NULL")
                .params(OutboxRepository.utc(at), recipient).update();
    }

    /** Items above the watermark, oldest first (the primary key's index). */
    List<vn.dieuhanh.notification.Inbox.Arrival> arrivalsAfter(long watermark, int limit) {
        return jdbc.sql("SELECT id, recipient FROM ntf_inbox_item WHERE id > ? ORDER BY id FETCH FIRST " + limit
                        + " ROWS ONLY")
                .param(watermark)
                .query((rs, n) -> new vn.dieuhanh.notification.Inbox.Arrival(rs.getLong("id"), rs.getString("recipient")))
                .list();
    }

    long maxId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM ntf_inbox_item").query(Long.class).single();
    }
}
