package vn.dieuhanh.notification;

/**
 * One rendered notification for one recipient, as a channel delivers it.
 *
 * @param outboxId     the outbox row's id: stable across retries, a channel's idempotency key
 * @param dedupKey     the enqueued {@link Notification#dedupKey()}
 * @param recipient    the official's user id
 * @param subject      rendered subject (Vietnamese)
 * @param body         rendered plain-text body (Vietnamese)
 */
public record OutgoingNotification(String outboxId, String dedupKey, NotificationKind kind, String assignmentId,
                                   String recipient, String subject, String body) {
}
