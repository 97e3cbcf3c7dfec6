package vn.dieuhanh.deadline;

import java.time.Instant;

/**
 * Published (Spring application event, synchronously, inside the engine transaction that fired the alert) once per
 * deadline when an open assignment passes it. The {@code kpi} capability records its penalty from it; a listener
 * that must only see committed facts uses {@code @TransactionalEventListener}.
 *
 * @param assignmentId the assignment
 * @param unitCode     the unit holding it
 * @param holderUser   the official holding it, or null when a unit or division holds it
 * @param deadline     the deadline that passed
 * @param at           when it became overdue (the first second after the deadline)
 */
public record AssignmentBecameOverdue(String assignmentId, String unitCode, String holderUser, Instant deadline,
                                      Instant at) {
}
