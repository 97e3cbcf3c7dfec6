package vn.dieuhanh.notification;

/**
 * A way to reach an official: e-mail and the in-app inbox today; SMS or Zalo are further beans of this type. Every
 * outbox row gets one delivery per channel bean present when it is enqueued; the relay calls {@link #deliver} at
 * least once and, unless a node dies between delivering and recording it, exactly once per row. A channel should
 * therefore make a repeated delivery of the same {@link OutgoingNotification#outboxId()} harmless where it can.
 */
public interface NotificationChannel {

    /** A short stable name stored with each delivery row, e.g. {@code EMAIL}, {@code INBOX}, {@code SMS}. */
    String name();

    /**
     * Delivers one notification. Throwing means "try again later" (with back-off, until the attempts run out);
     * returning {@link DeliveryOutcome#SKIPPED} means this channel cannot reach the recipient (no address) and
     * should not retry.
     */
    DeliveryOutcome deliver(OutgoingNotification notification) throws Exception;

    enum DeliveryOutcome {
        DELIVERED,
        SKIPPED
    }
}
