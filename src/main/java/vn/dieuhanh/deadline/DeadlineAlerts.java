package vn.dieuhanh.deadline;

/**
 * Sends deadline alerts: one outbox notification per alert (idempotent, keyed
 * {@code assignment:<id>:<KIND>:<instant>}) and, for {@link AlertKind#OVERDUE}, the {@link AssignmentBecameOverdue}
 * event for the {@code kpi} capability. Runs in the caller's (engine) transaction.
 */
public interface DeadlineAlerts {

    void send(AlertSubject subject, DeadlineAlert alert);
}
