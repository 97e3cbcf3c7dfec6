package vn.dieuhanh.calendar.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.dieuhanh.calendar.CalendarArgumentException;
import vn.dieuhanh.calendar.WorkingCalendar;

/**
 * {@code camunda:delegateExpression="${computeDeadline}"}: writes a {@link Date} deadline that timers
 * ({@code <timeDate>${deadline}</timeDate>}) and task due dates can reference.
 *
 * <p>Inputs: {@code workingDays} (number) or {@code workingHours} (number of hours or an ISO-8601
 * duration such as "PT4H"); optional {@code deadlineFrom} (Date, or ISO string; default: now);
 * optional {@code deadlineVariable} (default "deadline").
 */
@Component("computeDeadline")
class ComputeDeadlineDelegate implements JavaDelegate {

    static final String DEFAULT_VARIABLE = "deadline";

    private final WorkingCalendar workingCalendar;
    private final Clock clock;

    ComputeDeadlineDelegate(WorkingCalendar workingCalendar, Clock clock) {
        this.workingCalendar = workingCalendar;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant from = startingInstant(execution.getVariable("deadlineFrom"));
        Object workingDays = execution.getVariable("workingDays");
        Object workingHours = execution.getVariable("workingHours");
        Instant deadline;
        if (workingDays != null) {
            deadline = workingCalendar.deadlineAfterWorkingDays(from, wholeNumber("workingDays", workingDays)).toInstant();
        } else if (workingHours != null) {
            deadline = workingCalendar.addWorkingHours(from, duration(workingHours));
        } else {
            throw new CalendarArgumentException("computeDeadline needs the variable 'workingDays' or 'workingHours'");
        }
        Object target = execution.getVariable("deadlineVariable");
        String variable = target == null || target.toString().isBlank() ? DEFAULT_VARIABLE : target.toString();
        execution.setVariable(variable, Date.from(deadline));
    }

    private Instant startingInstant(Object value) {
        if (value == null) {
            return clock.instant();
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        return CalendarWebModel.parseInstant("deadlineFrom", value.toString()).toInstant();
    }

    private static int wholeNumber(String name, Object value) {
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return Math.toIntExact(number.longValue());
        }
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new CalendarArgumentException("'" + name + "' must be a whole number, got '" + value + "'");
        }
    }

    private static Duration duration(Object value) {
        if (value instanceof Number number) {
            return Duration.ofSeconds(Math.round(number.doubleValue() * 3600));
        }
        try {
            return Duration.parse(value.toString().trim());
        } catch (RuntimeException e) {
            throw new CalendarArgumentException("'workingHours' must be a number of hours or a duration like PT4H, got '"
                    + value + "'");
        }
    }
}
