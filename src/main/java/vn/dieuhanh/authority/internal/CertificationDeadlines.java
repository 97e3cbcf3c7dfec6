package vn.dieuhanh.authority.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.dieuhanh.calendar.WorkingCalendar;

/**
 * The deadline of a certification request (Decree 23/2015/NĐ-CP arts. 7, 21, 37): copies and signatures the same
 * working day, or, when received after the afternoon cut-off (configuration, default 16:00) or on a day off, by the
 * end of the next working morning; contracts and transactions by the end of the {@code working_days}-th working day
 * (counted from the next working day when received after the cut-off). Working days from {@code calendar}.
 */
@Component
class CertificationDeadlines {

    private final WorkingCalendar calendar;
    private final LocalTime cutOff;
    private final LocalTime officeClose;
    private final LocalTime morningEnd;

    CertificationDeadlines(WorkingCalendar calendar,
                           @Value("${dieuhanh.authority.cut-off:16:00}") LocalTime cutOff,
                           @Value("${dieuhanh.authority.office-close:17:00}") LocalTime officeClose,
                           @Value("${dieuhanh.authority.next-morning-end:12:00}") LocalTime morningEnd) {
        this.calendar = calendar;
        this.cutOff = cutOff;
        this.officeClose = officeClose;
        this.morningEnd = morningEnd;
    }

    OffsetDateTime deadline(Instant received, CertificationTask task) {
        ZonedDateTime local = received.atZone(WorkingCalendar.ZONE);
        LocalDate day = local.toLocalDate();
        boolean beforeCutOff = calendar.isWorkingDay(day) && local.toLocalTime().isBefore(cutOff);
        if (task.sameDay() || task.workingDays() <= 0) {
            return beforeCutOff ? at(day, officeClose) : at(calendar.addWorkingDays(day, 1), morningEnd);
        }
        LocalDate start = beforeCutOff ? day : calendar.addWorkingDays(day, 1);
        return at(calendar.addWorkingDays(start, task.workingDays()), officeClose);
    }

    private static OffsetDateTime at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(WorkingCalendar.ZONE).toOffsetDateTime();
    }
}
