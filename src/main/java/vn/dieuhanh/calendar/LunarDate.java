package vn.dieuhanh.calendar;

/**
 * A date of the Vietnamese lunar calendar (âm lịch).
 *
 * @param day   1..30
 * @param month 1..12 (1 = tháng Giêng, 12 = tháng Chạp)
 * @param year  the lunar year, numbered like the solar year in which its month 1 begins
 * @param leap  true for the intercalary month (tháng nhuận) that repeats {@code month}
 */
public record LunarDate(int day, int month, int year, boolean leap) {

    public LunarDate {
        if (month < 1 || month > 12) {
            throw new CalendarArgumentException("Tháng âm lịch phải từ 1 đến 12 (lunar month must be between 1 and 12, got "
                    + month + ")");
        }
        if (day < 1 || day > 30) {
            throw new CalendarArgumentException("Ngày âm lịch phải từ 1 đến 30 (lunar day must be between 1 and 30, got "
                    + day + ")");
        }
    }

    public static LunarDate of(int year, int month, int day) {
        return new LunarDate(day, month, year, false);
    }

    public static LunarDate ofLeapMonth(int year, int month, int day) {
        return new LunarDate(day, month, year, true);
    }
}
