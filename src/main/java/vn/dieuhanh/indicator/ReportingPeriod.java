package vn.dieuhanh.indicator;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period (kỳ báo cáo): a month {@code 2026-03}, a quarter {@code 2026-Q1} or a year {@code 2026}, in
 * local dates (Asia/Ho_Chi_Minh).
 */
public record ReportingPeriod(Frequency frequency, int year, int number) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    public ReportingPeriod {
        if (frequency == null) {
            throw new IllegalArgumentException("frequency is required");
        }
        int max = switch (frequency) {
            case MONTHLY -> 12;
            case QUARTERLY -> 4;
            case YEARLY -> 1;
        };
        if (number < 1 || number > max || year < 1900 || year > 2100) {
            throw new IllegalArgumentException("No " + frequency + " period " + year + "/" + number);
        }
    }

    public static ReportingPeriod month(int year, int month) {
        return new ReportingPeriod(Frequency.MONTHLY, year, month);
    }

    public static ReportingPeriod quarter(int year, int quarter) {
        return new ReportingPeriod(Frequency.QUARTERLY, year, quarter);
    }

    public static ReportingPeriod year(int year) {
        return new ReportingPeriod(Frequency.YEARLY, year, 1);
    }

    /** Parses {@code 2026-03}, {@code 2026-Q1} or {@code 2026}; an {@link IllegalArgumentException} says what is wrong. */
    public static ReportingPeriod parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("period is required, e.g. 2026-03, 2026-Q1 or 2026");
        }
        String t = text.trim();
        Matcher m;
        if ((m = YEAR.matcher(t)).matches()) {
            return year(Integer.parseInt(m.group(1)));
        }
        if ((m = QUARTER.matcher(t)).matches()) {
            return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if ((m = MONTH.matcher(t)).matches() && Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(2)) <= 12) {
            return month(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        throw new IllegalArgumentException("Unknown period '" + text + "'; expected e.g. 2026-03, 2026-Q1 or 2026");
    }

    /** The period containing a day, at a frequency. */
    public static ReportingPeriod containing(Frequency frequency, LocalDate day) {
        return switch (frequency) {
            case MONTHLY -> month(day.getYear(), day.getMonthValue());
            case QUARTERLY -> quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
            case YEARLY -> year(day.getYear());
        };
    }

    public LocalDate firstDay() {
        return switch (frequency) {
            case MONTHLY -> LocalDate.of(year, number, 1);
            case QUARTERLY -> LocalDate.of(year, number * 3 - 2, 1);
            case YEARLY -> LocalDate.of(year, 1, 1);
        };
    }

    public LocalDate lastDay() {
        return switch (frequency) {
            case MONTHLY -> YearMonth.of(year, number).atEndOfMonth();
            case QUARTERLY -> YearMonth.of(year, number * 3).atEndOfMonth();
            case YEARLY -> LocalDate.of(year, 12, 31);
        };
    }

    /** The period after this one, at the same frequency. */
    public ReportingPeriod next() {
        return containing(frequency, lastDay().plusDays(1));
    }

    /** {@code 2026-03}, {@code 2026-Q1} or {@code 2026}. */
    public String label() {
        return switch (frequency) {
            case MONTHLY -> "%d-%02d".formatted(year, number);
            case QUARTERLY -> year + "-Q" + number;
            case YEARLY -> Integer.toString(year);
        };
    }

    /** "tháng 3/2026", "quý I/2026", "năm 2026". */
    public String vietnameseLabel() {
        return switch (frequency) {
            case MONTHLY -> "tháng " + number + "/" + year;
            case QUARTERLY -> "quý " + new String[] {"I", "II", "III", "IV"}[number - 1] + "/" + year;
            case YEARLY -> "năm " + year;
        };
    }

    @Override
    public String toString() {
        return label();
    }
}
