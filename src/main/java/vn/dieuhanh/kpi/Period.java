package vn.dieuhanh.kpi;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A scoring period: a month ({@code 2026-03}), a quarter ({@code 2026-Q1}) or a year ({@code 2026}), in local dates. */
public record Period(String label, LocalDate from, LocalDate to) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    public static Period parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("period is required, e.g. 2026-Q1, 2026-03 or 2026");
        }
        String t = text.trim();
        Matcher m;
        if ((m = YEAR.matcher(t)).matches()) {
            int year = Integer.parseInt(m.group(1));
            return new Period(t, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        if ((m = QUARTER.matcher(t)).matches()) {
            int year = Integer.parseInt(m.group(1));
            int quarter = Integer.parseInt(m.group(2));
            YearMonth first = YearMonth.of(year, quarter * 3 - 2);
            return new Period(year + "-Q" + quarter, first.atDay(1), first.plusMonths(2).atEndOfMonth());
        }
        if ((m = MONTH.matcher(t)).matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), month);
                return new Period(t, ym.atDay(1), ym.atEndOfMonth());
            }
        }
        throw new IllegalArgumentException("Unknown period '" + text + "'; expected e.g. 2026-Q1, 2026-03 or 2026");
    }
}
