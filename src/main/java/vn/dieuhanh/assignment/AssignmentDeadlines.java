package vn.dieuhanh.assignment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;
import vn.dieuhanh.calendar.WorkingCalendar;
import vn.dieuhanh.platform.InputLimits;

/**
 * Turns what an assigner writes ("in 10 working days" or "by 15/3/2026") into the legal deadline instant (Civil Code
 * 2015 arts. 144-148): 24:00 of the last day, moved to the end of the next working day if that day is not one.
 */
@Component
public class AssignmentDeadlines {

    private final WorkingCalendar calendar;
    private final Clock clock;

    public AssignmentDeadlines(WorkingCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Exactly one of {@code workingDays} and {@code date} must be given. */
    public OffsetDateTime resolve(Integer workingDays, LocalDate date, Instant from) {
        if ((workingDays == null) == (date == null)) {
            throw new AssignmentInputException("Hạn xử lý: nhập số ngày làm việc hoặc ngày cụ thể, một trong hai (give the "
                    + "deadline either as a number of working days or as a date, not both and not neither)");
        }
        if (workingDays != null) {
            if (workingDays < 1 || workingDays > InputLimits.MAX_WORKING_DAYS) {
                throw new AssignmentInputException("Số ngày làm việc phải từ 1 đến " + InputLimits.MAX_WORKING_DAYS
                        + " (working days must be 1-" + InputLimits.MAX_WORKING_DAYS + ", got " + workingDays + ")");
            }
            return calendar.deadlineAfterWorkingDays(from, workingDays);
        }
        if (!InputLimits.inCalendar(date)) {
            throw new AssignmentInputException("Hạn xử lý " + date + " ngoài lịch 1900-2100 (the deadline is outside "
                    + "the calendar's range)");
        }
        LocalDate lastDay = date;
        while (!calendar.isWorkingDay(lastDay)) {
            lastDay = lastDay.plusDays(1);
        }
        OffsetDateTime deadline = calendar.deadlineAfterWorkingDays(
                lastDay.atStartOfDay(WorkingCalendar.ZONE).toInstant(), 0);
        if (!deadline.toInstant().isAfter(from)) {
            throw new AssignmentInputException("Hạn xử lý " + date + " đã qua (the deadline " + date + " is in the past)");
        }
        return deadline;
    }

    public OffsetDateTime resolve(Integer workingDays, LocalDate date) {
        return resolve(workingDays, date, clock.instant());
    }
}
