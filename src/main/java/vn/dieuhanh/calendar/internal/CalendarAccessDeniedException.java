package vn.dieuhanh.calendar.internal;

import vn.dieuhanh.platform.Forbidden;

/** The caller is authenticated but not in the camunda-admin group. */
class CalendarAccessDeniedException extends Forbidden {

    CalendarAccessDeniedException(String message) {
        super(message);
    }
}
