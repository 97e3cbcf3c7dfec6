package vn.dieuhanh.calendar;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;


/** Deadlines written the way Vietnamese officials write them, always in Vietnam's time zone. */
public final class VietnameseDates {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String[] WEEKDAYS = {"thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"};

    private VietnameseDates() {
    }

    /** "hết ngày 04/12/2026 (thứ Sáu)" for an end-of-day deadline, else "16 giờ 30 ngày 04/12/2026 (thứ Sáu)". */
    public static String deadline(OffsetDateTime deadline) {
        ZonedDateTime local = deadline.atZoneSameInstant(WorkingCalendar.ZONE);
        String day = local.format(DATE) + " (" + weekday(local.getDayOfWeek()) + ")";
        if (local.getHour() == 23 && local.getMinute() == 59) {
            return "hết ngày " + day;
        }
        return local.getHour() + " giờ " + String.format("%02d", local.getMinute()) + " ngày " + day;
    }

    static String weekday(DayOfWeek dayOfWeek) {
        return WEEKDAYS[dayOfWeek.getValue() - 1];
    }
}
