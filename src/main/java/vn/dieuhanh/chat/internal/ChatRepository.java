package vn.dieuhanh.chat.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.dieuhanh.chat.ConversationKind;

/** The chat's SQL (portable between H2 and PostgreSQL). */
@Repository
class ChatRepository {

    record Conversation(long id, ConversationKind kind, String title, String refKey, String createdBy,
                        OffsetDateTime createdAt, OffsetDateTime archivedAt) {
        boolean archived() {
            return archivedAt != null;
        }
    }

    record Member(long conversationId, String userId, String role, OffsetDateTime leftAt, long lastReadId) {
        boolean active() {
            return leftAt == null;
        }

        boolean owner() {
            return active() && ChatService.OWNER.equals(role);
        }
    }

    record Listed(Conversation conversation, String role, long lastReadId, int unread, String lastBody,
                  String lastAuthor, OffsetDateTime lastAt) {
    }

    record Stored(long id, long conversationId, String author, String body, OffsetDateTime createdAt,
                  OffsetDateTime editedAt, OffsetDateTime deletedAt) {
    }

    record Attachment(long id, long conversationId, long messageId, String fileName, String contentType, long size) {
    }

    record HistoryEntry(String action, String oldBody, String actor, OffsetDateTime at) {
    }

    record PendingMention(long id, long messageId, long conversationId, String recipient, OffsetDateTime createdAt) {
    }

    private final JdbcClient jdbc;

    ChatRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }

    private static Conversation conversation(ResultSet rs) throws SQLException {
        return new Conversation(rs.getLong("id"), ConversationKind.valueOf(rs.getString("kind")), rs.getString("title"),
                rs.getString("ref_key"), rs.getString("created_by"), time(rs, "created_at"), time(rs, "archived_at"));
    }

    private static final String CONVERSATION_COLUMNS =
            "c.id, c.kind, c.title, c.ref_key, c.created_by, c.created_at, c.archived_at";

    // ---- conversations

    long insertConversation(ConversationKind kind, String title, String refKey, String createdBy, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO chat_conversation (kind, title, ref_key, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(kind.name(), title, refKey, createdBy, utc(now)).update(key, "id");
        return key.getKey().longValue();
    }

    Optional<Conversation> conversation(long id) {
        return jdbc.sql("SELECT " + CONVERSATION_COLUMNS + " FROM chat_conversation c WHERE c.id = ?").param(id)
                .query((rs, n) -> conversation(rs)).optional();
    }

    Optional<Conversation> byRef(ConversationKind kind, String refKey) {
        return jdbc.sql("SELECT " + CONVERSATION_COLUMNS + " FROM chat_conversation c WHERE c.kind = ? AND c.ref_key = ?")
                .params(kind.name(), refKey).query((rs, n) -> conversation(rs)).optional();
    }

    void setTitle(long id, String title) {
        jdbc.sql("UPDATE chat_conversation SET title = ? WHERE id = ?").params(title, id).update();
    }

    void setArchived(long id, Instant at) {
        jdbc.sql("UPDATE chat_conversation SET archived_at = ? WHERE id = ?").params(at == null ? null : utc(at), id)
                .update();
    }

    /** The official's conversations (active membership), most recent activity first, with unread counts. */
    List<Listed> conversationsOf(String userId, int limit) {
        return jdbc.sql("SELECT " + CONVERSATION_COLUMNS + ", m.role, m.last_read_id,"
                        + " (SELECT COUNT(*) FROM chat_message x WHERE x.conversation_id = c.id AND x.id > m.last_read_id"
                        + "   AND x.author <> m.user_id AND x.deleted_at IS NULL) AS unread,"
                        + " l.body AS last_body, l.author AS last_author, l.created_at AS last_at"
                        + " FROM chat_member m JOIN chat_conversation c ON c.id = m.conversation_id"
                        + " LEFT JOIN chat_message l ON l.id = (SELECT MAX(y.id) FROM chat_message y"
                        + "   WHERE y.conversation_id = c.id AND y.deleted_at IS NULL)"
                        + " WHERE m.user_id = ? AND m.left_at IS NULL"
                        + " ORDER BY COALESCE(c.last_message_at, c.created_at) DESC, c.id DESC"
                        + " FETCH FIRST " + limit + " ROWS ONLY")
                .param(userId)
                .query((rs, n) -> new Listed(conversation(rs), rs.getString("role"), rs.getLong("last_read_id"),
                        rs.getInt("unread"), rs.getString("last_body"), rs.getString("last_author"),
                        time(rs, "last_at")))
                .list();
    }

    /** Unread messages over all of the official's conversations. */
    int unreadTotal(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM chat_member m JOIN chat_message x ON x.conversation_id = m.conversation_id"
                        + " WHERE m.user_id = ? AND m.left_at IS NULL AND x.id > m.last_read_id AND x.author <> m.user_id"
                        + " AND x.deleted_at IS NULL")
                .param(userId).query(Integer.class).single();
    }

    // ---- members

    Optional<Member> member(long conversationId, String userId) {
        return jdbc.sql("SELECT conversation_id, user_id, role, left_at, last_read_id FROM chat_member"
                        + " WHERE conversation_id = ? AND user_id = ?")
                .params(conversationId, userId)
                .query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3), time(rs, "left_at"),
                        rs.getLong(5)))
                .optional();
    }

    List<Member> members(long conversationId) {
        return jdbc.sql("SELECT conversation_id, user_id, role, left_at, last_read_id FROM chat_member"
                        + " WHERE conversation_id = ? AND left_at IS NULL ORDER BY role DESC, user_id")
                .param(conversationId)
                .query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3), time(rs, "left_at"),
                        rs.getLong(5)))
                .list();
    }

    /** Active members of several conversations, by conversation: for live updates. */
    Map<Long, List<String>> activeMembers(Collection<Long> conversationIds) {
        Map<Long, List<String>> result = new HashMap<>();
        if (conversationIds.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT conversation_id, user_id FROM chat_member WHERE left_at IS NULL AND conversation_id IN (:ids)")
                .param("ids", conversationIds)
                .query(rs -> {
                    result.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(rs.getString(2));
                });
        return result;
    }

    /** Adds the member, or brings back one who left (with the role given); true if something changed. */
    boolean upsertMember(long conversationId, String userId, String role, Instant now) {
        Optional<Member> existing = member(conversationId, userId);
        if (existing.isEmpty()) {
            jdbc.sql("INSERT INTO chat_member (conversation_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)")
                    .params(conversationId, userId, role, utc(now)).update();
            return true;
        }
        if (!existing.get().active() || !existing.get().role().equals(role)) {
            jdbc.sql("UPDATE chat_member SET role = ?, left_at = NULL WHERE conversation_id = ? AND user_id = ?")
                    .params(role, conversationId, userId).update();
            return true;
        }
        return false;
    }

    /** Adds the member if absent (never changes an existing row: a member who left stays out). */
    void insertMemberIfAbsent(long conversationId, String userId, String role, Instant now) {
        jdbc.sql("INSERT INTO chat_member (conversation_id, user_id, role, joined_at)"
                        + " SELECT ?, ?, ?, ? FROM (VALUES (1)) AS one(x) WHERE NOT EXISTS"
                        + " (SELECT 1 FROM chat_member WHERE conversation_id = ? AND user_id = ?)")
                .params(conversationId, userId, role, utc(now), conversationId, userId).update();
    }

    void leave(long conversationId, String userId, Instant now) {
        jdbc.sql("UPDATE chat_member SET left_at = ? WHERE conversation_id = ? AND user_id = ? AND left_at IS NULL")
                .params(utc(now), conversationId, userId).update();
    }

    int markRead(long conversationId, String userId, long upTo, Instant now) {
        return jdbc.sql("UPDATE chat_member SET last_read_id = ?, last_read_at = ? WHERE conversation_id = ?"
                        + " AND user_id = ? AND last_read_id < ?")
                .params(upTo, utc(now), conversationId, userId, upTo).update();
    }

    /** Members (not the author) who have read the message. */
    List<String> readers(long conversationId, long messageId, String author) {
        return jdbc.sql("SELECT user_id FROM chat_member WHERE conversation_id = ? AND left_at IS NULL"
                        + " AND last_read_id >= ? AND user_id <> ? ORDER BY user_id")
                .params(conversationId, messageId, author).query(String.class).list();
    }

    // ---- messages

    long insertMessage(long conversationId, String author, String body, Instant at, String sourceRef) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO chat_message (conversation_id, author, body, folded, created_at, source_ref)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(conversationId, author, body, ChatText.fold(body), utc(at), sourceRef).update(key, "id");
        jdbc.sql("UPDATE chat_conversation SET last_message_at = ? WHERE id = ?").params(utc(at), conversationId)
                .update();
        return key.getKey().longValue();
    }

    Set<String> sourceRefs(long conversationId) {
        return Set.copyOf(jdbc.sql("SELECT source_ref FROM chat_message WHERE conversation_id = ? AND source_ref IS NOT NULL")
                .param(conversationId).query(String.class).list());
    }

    private static final String MESSAGE_COLUMNS = "id, conversation_id, author, body, created_at, edited_at, deleted_at";

    private static Stored stored(ResultSet rs) throws SQLException {
        return new Stored(rs.getLong("id"), rs.getLong("conversation_id"), rs.getString("author"),
                rs.getString("body"), time(rs, "created_at"), time(rs, "edited_at"), time(rs, "deleted_at"));
    }

    Optional<Stored> message(long conversationId, long id) {
        return jdbc.sql("SELECT " + MESSAGE_COLUMNS + " FROM chat_message WHERE id = ? AND conversation_id = ?")
                .params(id, conversationId).query((rs, n) -> stored(rs)).optional();
    }

    /** Messages after an id, oldest first; or, with {@code after} 0, the latest {@code limit} oldest first. */
    List<Stored> messages(long conversationId, long after, int limit) {
        if (after > 0) {
            return jdbc.sql("SELECT " + MESSAGE_COLUMNS + " FROM chat_message WHERE conversation_id = ? AND id > ?"
                            + " ORDER BY id FETCH FIRST " + limit + " ROWS ONLY")
                    .params(conversationId, after).query((rs, n) -> stored(rs)).list();
        }
        List<Stored> latest = new java.util.ArrayList<>(jdbc.sql("SELECT " + MESSAGE_COLUMNS + " FROM chat_message"
                        + " WHERE conversation_id = ? ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY")
                .param(conversationId).query((rs, n) -> stored(rs)).list());
        java.util.Collections.reverse(latest);
        return latest;
    }

    /** Messages with an id above the watermark in any conversation, oldest first: for live updates. */
    List<Stored> messagesAfter(long watermark, int limit) {
        return jdbc.sql("SELECT " + MESSAGE_COLUMNS + " FROM chat_message WHERE id > ? ORDER BY id"
                        + " FETCH FIRST " + limit + " ROWS ONLY")
                .param(watermark).query((rs, n) -> stored(rs)).list();
    }

    long highestMessageId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM chat_message").query(Long.class).single();
    }

    void edit(long id, String oldBody, String newBody, String actor, Instant now) {
        jdbc.sql("INSERT INTO chat_message_history (message_id, action, old_body, actor, at) VALUES (?, 'EDIT', ?, ?, ?)")
                .params(id, oldBody, actor, utc(now)).update();
        jdbc.sql("UPDATE chat_message SET body = ?, folded = ?, edited_at = ? WHERE id = ?")
                .params(newBody, ChatText.fold(newBody), utc(now), id).update();
    }

    void delete(long id, String oldBody, String actor, Instant now) {
        jdbc.sql("INSERT INTO chat_message_history (message_id, action, old_body, actor, at) VALUES (?, 'DELETE', ?, ?, ?)")
                .params(id, oldBody, actor, utc(now)).update();
        jdbc.sql("UPDATE chat_message SET body = '', folded = '', deleted_at = ? WHERE id = ?").params(utc(now), id)
                .update();
    }

    List<HistoryEntry> history(long messageId) {
        return jdbc.sql("SELECT action, old_body, actor, at FROM chat_message_history WHERE message_id = ? ORDER BY id")
                .param(messageId)
                .query((rs, n) -> new HistoryEntry(rs.getString(1), rs.getString(2), rs.getString(3), time(rs, "at")))
                .list();
    }

    /** Messages whose folded text contains the folded query, in the official's conversations, newest first. */
    List<Stored> search(String userId, String foldedQuery, int limit) {
        String pattern = "%" + foldedQuery.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return jdbc.sql("SELECT m.id, m.conversation_id, m.author, m.body, m.created_at, m.edited_at, m.deleted_at"
                        + " FROM chat_message m JOIN chat_member b ON b.conversation_id = m.conversation_id"
                        + " WHERE b.user_id = ? AND b.left_at IS NULL AND m.deleted_at IS NULL"
                        + " AND m.folded LIKE ? ESCAPE '!' ORDER BY m.id DESC FETCH FIRST " + limit + " ROWS ONLY")
                .params(userId, pattern).query((rs, n) -> stored(rs)).list();
    }

    // ---- mentions

    boolean insertMention(long messageId, long conversationId, String recipient, Instant now) {
        return jdbc.sql("INSERT INTO chat_mention (message_id, conversation_id, recipient, created_at)"
                        + " SELECT ?, ?, ?, ? FROM (VALUES (1)) AS one(x) WHERE NOT EXISTS"
                        + " (SELECT 1 FROM chat_mention WHERE message_id = ? AND recipient = ?)")
                .params(messageId, conversationId, recipient, utc(now), messageId, recipient).update() > 0;
    }

    List<PendingMention> undigestedBefore(Instant before, int limit) {
        return jdbc.sql("SELECT id, message_id, conversation_id, recipient, created_at FROM chat_mention"
                        + " WHERE digested_at IS NULL AND created_at <= ? ORDER BY id FETCH FIRST " + limit + " ROWS ONLY")
                .param(utc(before))
                .query((rs, n) -> new PendingMention(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        time(rs, "created_at")))
                .list();
    }

    /** Marks a mention digested; false if another node did it first. */
    boolean markDigested(long mentionId, Instant now) {
        return jdbc.sql("UPDATE chat_mention SET digested_at = ? WHERE id = ? AND digested_at IS NULL")
                .params(utc(now), mentionId).update() > 0;
    }

    // ---- attachments

    long insertAttachment(long conversationId, long messageId, String fileName, String contentType, byte[] content,
                          String uploadedBy, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO chat_attachment (conversation_id, message_id, file_name, content_type, size_bytes, content,"
                        + " uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(conversationId, messageId, fileName, contentType, (long) content.length, content, uploadedBy,
                        utc(now))
                .update(key, "id");
        return key.getKey().longValue();
    }

    Map<Long, List<Attachment>> attachments(Collection<Long> messageIds) {
        Map<Long, List<Attachment>> result = new HashMap<>();
        if (messageIds.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT id, conversation_id, message_id, file_name, content_type, size_bytes FROM chat_attachment"
                        + " WHERE message_id IN (:ids) ORDER BY id")
                .param("ids", messageIds)
                .query(rs -> {
                    Attachment a = new Attachment(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                            rs.getString(5), rs.getLong(6));
                    result.computeIfAbsent(a.messageId(), k -> new java.util.ArrayList<>()).add(a);
                });
        return result;
    }

    Optional<Attachment> attachment(long id) {
        return jdbc.sql("SELECT id, conversation_id, message_id, file_name, content_type, size_bytes FROM chat_attachment"
                        + " WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Attachment(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6)))
                .optional();
    }

    byte[] attachmentContent(long id) {
        return jdbc.sql("SELECT content FROM chat_attachment WHERE id = ?").param(id)
                .query((rs, n) -> rs.getBytes(1)).single();
    }
}
