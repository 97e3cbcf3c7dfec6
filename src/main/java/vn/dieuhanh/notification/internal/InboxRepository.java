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
}
