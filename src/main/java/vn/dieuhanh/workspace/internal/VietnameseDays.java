package vn.dieuhanh.workspace.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;
import vn.dieuhanh.calendar.WorkingCalendar;

/** Deadlines as officials read them: "Thứ Sáu, 04/12/2026" and the working days left (calendar). */
@Component
class VietnameseDays {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final String[] WEEKDAYS = {"Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"};

    private final WorkingCalendar calendar;

    VietnameseDays(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** "Thứ Sáu, 04/12/2026" (and " lúc 16:30" when the deadline is not the end of a day). */
    static String day(OffsetDateTime time) {
        if (time == null) {
            return null;
        }
        ZonedDateTime local = time.atZoneSameInstant(WorkingCalendar.ZONE);
        String day = WEEKDAYS[local.getDayOfWeek().getValue() - 1] + ", " + local.format(DATE);
        boolean endOfDay = local.getHour() == 23 && local.getMinute() == 59;
        boolean startOfDay = local.getHour() == 0 && local.getMinute() == 0;
        return endOfDay || startOfDay ? day : day + " lúc " + local.format(TIME);
    }

    /** "04/12/2026 16:30" in Vietnam's zone, for messages. */
    static String moment(OffsetDateTime time) {
        if (time == null) {
            return null;
        }
        ZonedDateTime local = time.atZoneSameInstant(WorkingCalendar.ZONE);
        return local.format(TIME) + " " + local.format(DATE);
    }

    /** Working days from now to the deadline's day: 0 on the day itself, negative once past. */
    int workingDaysLeft(Instant now, OffsetDateTime deadline) {
        return calendar.workingDaysBetween(now, deadline.toInstant());
    }

    static String daysLeftText(Instant now, OffsetDateTime deadline, int workingDaysLeft) {
        if (deadline.toInstant().isBefore(now)) {
            return workingDaysLeft < 0 ? "Quá hạn " + (-workingDaysLeft) + " ngày làm việc" : "Quá hạn";
        }
        if (workingDaysLeft <= 0) {
            return "Hạn hôm nay";
        }
        return "Còn " + workingDaysLeft + " ngày làm việc";
    }
}
