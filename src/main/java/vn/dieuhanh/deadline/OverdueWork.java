package vn.dieuhanh.deadline;

import java.time.Instant;

/**
 * One overdue open assignment as the daily overdue digest lists it.
 *
 * @param assignmentId       the assignment (its page is {@code /viec/<id>})
 * @param title              its title (trích yếu)
 * @param unitCode           the unit that holds it
 * @param unitName           the unit's name
 * @param holderUser         the official holding it now, or null when a unit or division holds it
 * @param unitHead           the unit head's user id, or null if the directory has none
 * @param deadline           the deadline in force
 * @param overdueWorkingDays the overdue working day it is in today: the working days after the deadline's day up to
 *                           and including today (1 on the first working day after the deadline's day)
 */
public record OverdueWork(String assignmentId, String title, String unitCode, String unitName, String holderUser,
                          String unitHead, Instant deadline, int overdueWorkingDays) {

    /** Who is reminded: the holder, or the unit head while a unit or division holds it (as overdue reminders were). */
    public String recipient() {
        return holderUser != null && !holderUser.isBlank() ? holderUser : unitHead;
    }
}
