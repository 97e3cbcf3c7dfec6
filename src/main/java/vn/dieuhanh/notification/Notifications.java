package vn.dieuhanh.notification;

/**
 * The notification outbox. {@link #enqueue} joins the caller's transaction (the engine's, when called from a
 * delegate): if that transaction rolls back, nothing was enqueued; a duplicate key is ignored. A relay delivers every
 * outbox row once per channel (e-mail, in-app inbox), retrying failures with back-off.
 */
public interface Notifications {

    /** Returns true if the notification was new, false if its key had been enqueued before. */
    boolean enqueue(Notification notification);
}
