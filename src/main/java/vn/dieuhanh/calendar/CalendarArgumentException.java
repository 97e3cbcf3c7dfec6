package vn.dieuhanh.calendar;

/**
 * A calendar question that has no answer: a date outside 1900-2100, a lunar month that does not
 * exist, a negative number of working days... The message says what is wrong and is safe to show
 * to the caller (the REST layer answers 400 with it).
 */
public class CalendarArgumentException extends IllegalArgumentException {

    public CalendarArgumentException(String message) {
        super(message);
    }
}
