package vn.dieuhanh.deadline;

import java.time.Instant;
import java.util.Objects;

/**
 * One point of an assignment's alert schedule.
 *
 * @param at         when it is due (the engine clock reaching it fires it)
 * @param kind       what it says
 * @param occurrence for {@link AlertKind#REMINDER}: its number among the reminders (1, 2, ...); for the alerts after
 *                   the deadline: the overdue working day it belongs to ({@link AlertKind#OVERDUE}: 1)
 */
public record DeadlineAlert(Instant at, AlertKind kind, int occurrence) {

    public DeadlineAlert {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
    }
}
