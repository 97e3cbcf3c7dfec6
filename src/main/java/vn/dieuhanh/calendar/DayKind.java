package vn.dieuhanh.calendar;

/** What an entry of the holiday list does to a day. */
public enum DayKind {
    /** A statutory holiday (nghỉ lễ, Tết). */
    HOLIDAY,
    /** A day off given in exchange: for a holiday on a weekend, or swapped with a make-up Saturday. */
    COMPENSATORY_DAY_OFF,
    /** A Saturday or Sunday that is worked (làm bù) in exchange for a swapped day off. */
    MAKEUP_WORKING_DAY
}
