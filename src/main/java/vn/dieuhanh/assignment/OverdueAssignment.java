package vn.dieuhanh.assignment;

import java.time.Instant;

/**
 * An assignment that was open past its deadline at some instant (for the KPI period close).
 *
 * @param assignmentId the assignment
 * @param unitCode     the unit holding it
 * @param holderUser   the official holding it now, or null when a unit or division holds it
 * @param deadline     its deadline in force
 */
public record OverdueAssignment(String assignmentId, String unitCode, String holderUser, Instant deadline) {
}
