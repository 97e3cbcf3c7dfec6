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
        Duration lead = remaining.dividedBy(2).compareTo(APOLOGY_LEAD) < 0 ? remaining.dividedBy(2) : APOLOGY_LEAD;
        return calendar.addWorkingHours(from, remaining.minus(lead));
    }
}
