package vn.dieuhanh.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.dieuhanh.notification.NotificationKind;
import vn.dieuhanh.notification.OutgoingNotification;

/**
 * {@code ntf_outbox} and {@code ntf_delivery}. Writes of the outbox join the caller's transaction; the relay's claims
 * and outcomes run outside any transaction (each statement commits), so a claim is visible to every node at once.
 */
@Repository
class OutboxRepository {

    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
    static final String SKIPPED = "SKIPPED";
    static final String FAILED = "FAILED";

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the row unless one with the same (key, recipient) exists; returns whether it did. A conditional insert,
     * not a caught constraint violation: a failed statement would abort the whole PostgreSQL transaction, which is the
     * engine's. Under a true race both transactions pass the check; the unique constraint then fails one of them
     * whole, and the engine retries it (and this time finds the row).
     */
    boolean insertIfAbsent(String id, String dedupKey, String recipient, NotificationKind kind, String assignmentId,
                           String template, String subject, String body, Instant now) {
        return jdbc.sql("""
                        INSERT INTO ntf_outbox (id, dedup_key, recipient, kind, assignment_id, template, subject, body,
                                                created_at)
                        SELECT CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(300)), CAST(? AS VARCHAR(150)),
                               CAST(? AS VARCHAR(30)), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(100)),
                               CAST(? AS VARCHAR(1000)), CAST(? AS VARCHAR(8000)),
                               CAST(? AS TIMESTAMP WITH TIME ZONE)
                         WHERE NOT EXISTS (SELECT 1 FROM ntf_outbox WHERE dedup_key = ? AND recipient = ?)""")
                .params(id, dedupKey, recipient, kind.name(), assignmentId, template, subject, body, utc(now),
                        dedupKey, recipient)
                .update() == 1;
    }

    void insertDelivery(String outboxId, String channel, Instant now) {
        jdbc.sql("""
                        INSERT INTO ntf_delivery (outbox_id, channel, status, attempts, next_attempt_at)
                        VALUES (?, ?, 'PENDING', 0, ?)""")
                .params(outboxId, channel, utc(now)).update();
    }

    /** Ids of deliveries of these channels that are due and not claimed by a live claim, oldest first. */
    List<Long> due(Collection<String> channels, Instant now, int limit) {
        if (channels.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(utc(now));
        params.add(utc(now));
        params.addAll(channels);
        return jdbc.sql("SELECT id FROM ntf_delivery WHERE status = 'PENDING' AND next_attempt_at <= ?"
                        + " AND (locked_until IS NULL OR locked_until < ?)"
                        + " AND channel IN (" + String.join(", ", channels.stream().map(c -> "?").toList()) + ")"
                        + " ORDER BY next_attempt_at, id FETCH FIRST " + limit + " ROWS ONLY")
                .params(params).query(Long.class).list();
    }

    /** The conditional UPDATE every node races on: exactly one of them changes the row and may deliver it. */
    boolean claim(long deliveryId, String node, Instant now, Instant until) {
        return jdbc.sql("""
                        UPDATE ntf_delivery SET locked_by = ?, locked_until = ?
                         WHERE id = ? AND status = 'PENDING' AND next_attempt_at <= ?
                           AND (locked_until IS NULL OR locked_until < ?)""")
                .params(node, utc(until), deliveryId, utc(now), utc(now)).update() == 1;
    }

    record Claimed(long deliveryId, String channel, int attempts, OutgoingNotification notification) {
    }

    Optional<Claimed> claimed(long deliveryId) {
        return jdbc.sql("""
                        SELECT d.id, d.channel, d.attempts, o.id AS outbox_id, o.dedup_key, o.kind, o.assignment_id,
                               o.recipient, o.subject, o.body
                          FROM ntf_delivery d JOIN ntf_outbox o ON o.id = d.outbox_id
                         WHERE d.id = ?""")
                .param(deliveryId)
                .query((rs, n) -> new Claimed(rs.getLong("id"), rs.getString("channel"), rs.getInt("attempts"),
                        new OutgoingNotification(rs.getString("outbox_id"), rs.getString("dedup_key"),
                                NotificationKind.valueOf(rs.getString("kind")), rs.getString("assignment_id"),
                                rs.getString("recipient"), rs.getString("subject"), rs.getString("body"))))
                .optional();
    }

    void markDone(long deliveryId, String node, String status, Instant now) {
        jdbc.sql("""
                        UPDATE ntf_delivery SET status = ?, attempts = attempts + 1, delivered_at = ?, last_error = NULL,
                                                locked_by = NULL, locked_until = NULL
                         WHERE id = ? AND locked_by = ?""")
                .params(status, utc(now), deliveryId, node).update();
    }

    void markFailedAttempt(long deliveryId, String node, int attempts, String status, Instant nextAttempt,
                           String error) {
        jdbc.sql("""
                        UPDATE ntf_delivery SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?,
                                                locked_by = NULL, locked_until = NULL
                         WHERE id = ? AND locked_by = ?""")
                .params(status, attempts, utc(nextAttempt), truncate(error, 2000), deliveryId, node).update();
    }

    record DeliveryView(long id, String channel, String status, int attempts, OffsetDateTime nextAttemptAt,
                        String lastError, String outboxId, String dedupKey, String kind, String assignmentId,
                        String recipient, String subject, OffsetDateTime createdAt) {
    }

    /** Deliveries that failed for good, and those still retrying after a failure, newest first. */
    List<DeliveryView> troubled(int limit) {
        return jdbc.sql("""
                        SELECT d.id, d.channel, d.status, d.attempts, d.next_attempt_at, d.last_error, o.id AS outbox_id,
                               o.dedup_key, o.kind, o.assignment_id, o.recipient, o.subject, o.created_at
                          FROM ntf_delivery d JOIN ntf_outbox o ON o.id = d.outbox_id
                         WHERE d.status = 'FAILED' OR (d.status = 'PENDING' AND d.attempts > 0)
                         ORDER BY o.created_at DESC, d.id DESC FETCH FIRST %d ROWS ONLY""".formatted(limit))
                .query(OutboxRepository::view).list();
    }

    Optional<DeliveryView> delivery(long id) {
        return jdbc.sql("""
                        SELECT d.id, d.channel, d.status, d.attempts, d.next_attempt_at, d.last_error, o.id AS outbox_id,
                               o.dedup_key, o.kind, o.assignment_id, o.recipient, o.subject, o.created_at
                          FROM ntf_delivery d JOIN ntf_outbox o ON o.id = d.outbox_id
                         WHERE d.id = ?""")
                .param(id).query(OutboxRepository::view).optional();
    }

    /** An administrator's retry: a FAILED delivery becomes PENDING and due now, with a fresh count of attempts. */
    boolean retry(long id, Instant now) {
        return jdbc.sql("""
                        UPDATE ntf_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = ?,
                                                locked_by = NULL, locked_until = NULL
                         WHERE id = ? AND status = 'FAILED'""")
                .params(utc(now), id).update() == 1;
    }

    private static DeliveryView view(ResultSet rs, int n) throws SQLException {
        return new DeliveryView(rs.getLong("id"), rs.getString("channel"), rs.getString("status"),
                rs.getInt("attempts"), time(rs, "next_attempt_at"), rs.getString("last_error"),
                rs.getString("outbox_id"), rs.getString("dedup_key"), rs.getString("kind"),
                rs.getString("assignment_id"), rs.getString("recipient"), rs.getString("subject"),
                time(rs, "created_at"));
    }

    static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
