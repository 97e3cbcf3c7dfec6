package vn.dieuhanh.calendar;

import vn.dieuhanh.platform.InputRejected;

/**
 * A calendar question that has no answer: a date outside 1900-2100, a lunar month that does not
 * exist, a negative number of working days... The message says what is wrong and is safe to show
 * to the caller (every door answers 400 with it).
 */
public class CalendarArgumentException extends InputRejected {

    public CalendarArgumentException(String message) {
        super(message);
    }
}
