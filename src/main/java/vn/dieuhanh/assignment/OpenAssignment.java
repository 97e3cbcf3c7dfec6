package vn.dieuhanh.assignment;

import java.time.OffsetDateTime;

/**
 * An assignment of a directive that is neither completed nor cancelled (what a leader sees before closing it).
 *
 * @param assignmentId the assignment
 * @param role         lead or coordinating
 * @param unitCode     the unit carrying it out
 * @param deadline     its deadline in force
 */
public record OpenAssignment(String assignmentId, AssignmentRole role, String unitCode, OffsetDateTime deadline) {
}
