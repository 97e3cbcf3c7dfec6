package vn.dieuhanh.dossier.internal;

import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import vn.dieuhanh.calendar.WorkingCalendar;

/**
 * Statutory time in Vietnamese working time (office hours of working days of the official calendar, holidays and
 * make-up days included): the appointment, the working time left when the clock pauses, the new appointment when it
 * resumes, and when the apology letter is due.
 */
@Component
public class DossierTime {

    /** The apology is due this much working time before the appointment (one working day), at most half the time. */
    static final Duration APOLOGY_LEAD = Duration.ofHours(8);

    private final WorkingCalendar calendar;

    public DossierTime(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    public Instant appointment(Instant from, Duration workingTime) {
        return calendar.addWorkingHours(from, workingTime);
    }

    /** Working time between {@code from} and {@code appointment}, to the minute (zero when already past). */
    public Duration remaining(Instant from, Instant appointment) {
        if (!appointment.isAfter(from)) {
            return Duration.ZERO;
        }
        // the largest working time whose end is not after the appointment; working time never exceeds elapsed time
        long low = 0;
        long high = Duration.between(from, appointment).toMinutes() + 1;
        while (high - low > 1) {
            long middle = (low + high) >>> 1;
            if (calendar.addWorkingHours(from, Duration.ofMinutes(middle)).isAfter(appointment)) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return Duration.ofMinutes(low);
    }

    /** When the apology is due for a handling that starts at {@code from} with {@code remaining} working time. */
    public Instant apologyDue(Instant from, Duration remaining) {
        return apologyDue(from, remaining, APOLOGY_LEAD);
    }

    /**
     * When the reminder and the apology offer fall due: {@code lead} working time before the appointment (from the
     * decision {@code dossier-reminder-policy}), never earlier than half the working time left.
     */
    public Instant apologyDue(Instant from, Duration remaining, Duration lead) {
        Duration half = remaining.dividedBy(2);
        return calendar.addWorkingHours(from, remaining.minus(half.compareTo(lead) < 0 ? half : lead));
    }

    /** When a dossier still unfinished after {@code appointment} is reported: {@code after} working time later. */
    public Instant lateEscalation(Instant appointment, Duration after) {
        return calendar.addWorkingHours(appointment, after);
    }
}
