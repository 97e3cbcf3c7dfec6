package vn.dieuhanh.assignment.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dieuhanh.assignment.AssignmentInputException;
import vn.dieuhanh.calendar.WorkingCalendar;

/**
 * The period filter of the leaders' dashboard: a month ({@code 2026-03}), a quarter ({@code 2026-Q1}) or a year
 * ({@code 2026}). An assignment belongs to the period whose days contain its deadline (hạn xử lý trong kỳ), in
 * Vietnamese local time.
 */
public record DashboardPeriod(String code, String label, LocalDate from, LocalDate to) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    /** Null for a blank text (no period: every deadline). */
    static DashboardPeriod parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        Matcher m;
        if ((m = YEAR.matcher(t)).matches()) {
            int year = year(m.group(1));
            return new DashboardPeriod(t, "Năm " + year, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        if ((m = QUARTER.matcher(t)).matches()) {
            int year = year(m.group(1));
            int quarter = Integer.parseInt(m.group(2));
            YearMonth first = YearMonth.of(year, quarter * 3 - 2);
            return new DashboardPeriod(year + "-Q" + quarter, "Quý " + quarter + "/" + year, first.atDay(1),
                    first.plusMonths(2).atEndOfMonth());
        }
        if ((m = MONTH.matcher(t)).matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                YearMonth ym = YearMonth.of(year(m.group(1)), month);
                return new DashboardPeriod(t, "Tháng " + month + "/" + ym.getYear(), ym.atDay(1), ym.atEndOfMonth());
            }
        }
        throw new AssignmentInputException("Kỳ '" + t + "' không hợp lệ: nhập năm (2026), quý (2026-Q1) hoặc tháng"
                + " (2026-03) (unknown period; expected e.g. 2026, 2026-Q1 or 2026-03)");
    }

    private static int year(String text) {
        int year = Integer.parseInt(text);
        if (year < 2000 || year > 2100) {
            throw new AssignmentInputException("Năm phải trong khoảng 2000-2100 (the year must be within 2000-2100)");
        }
        return year;
    }

    /** The first instant of the period. */
    OffsetDateTime start() {
        return from.atStartOfDay(WorkingCalendar.ZONE).toOffsetDateTime();
    }

    /** The first instant after the period. */
    OffsetDateTime end() {
        return to.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toOffsetDateTime();
    }
}
