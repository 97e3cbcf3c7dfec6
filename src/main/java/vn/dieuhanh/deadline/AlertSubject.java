package vn.dieuhanh.deadline;

import java.time.Instant;

/**
 * What an alert is about and who may receive it, as the assignment capability knows it when the alert fires.
 *
 * @param assignmentId  the assignment
 * @param title         its title (trích yếu)
 * @param unitCode      the unit that holds it
 * @param unitName      the unit's name, for the message
 * @param holderUser    the official holding it now, or null when a unit or division holds it
 * @param unitHead      the unit head's user id, or null if the directory has none
 * @param assignedBy    the leader who assigned it
 * @param deadline      the deadline in force
 * @param deadlineText  the deadline written the Vietnamese way ("hết ngày 16/03/2026 (thứ Hai)")
 */
public record AlertSubject(String assignmentId, String title, String unitCode, String unitName, String holderUser,
                           String unitHead, String assignedBy, Instant deadline, String deadlineText) {
}
