package vn.dieuhanh.calendar.internal;

/** The caller is authenticated but not in the camunda-admin group. */
class CalendarAccessDeniedException extends RuntimeException {

    CalendarAccessDeniedException(String message) {
        super(message);
    }
}
