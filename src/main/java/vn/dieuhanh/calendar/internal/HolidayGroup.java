package vn.dieuhanh.calendar.internal;

/**
 * The statutory holidays of Labour Code 2019 art. 112. An official schedule that has entries for
 * a group replaces the default rule (and its compensation) for that group only.
 */
enum HolidayGroup {
    NEW_YEAR("Tết Dương lịch"),
    TET("Tết Nguyên đán"),
    HUNG_KINGS("Giỗ Tổ Hùng Vương"),
    REUNIFICATION("Ngày Chiến thắng"),
    LABOUR_DAY("Ngày Quốc tế Lao động"),
    NATIONAL_DAY("Quốc khánh");

    private final String vietnameseName;

    HolidayGroup(String vietnameseName) {
        this.vietnameseName = vietnameseName;
    }

    String vietnameseName() {
        return vietnameseName;
    }
}
