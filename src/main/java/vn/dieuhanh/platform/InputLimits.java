package vn.dieuhanh.platform;

import java.time.LocalDate;

/**
 * Bounds shared by the API's request records and the engine doors (start forms, task completions), so both refuse the
 * same input. Text lengths follow the database columns and Camunda's string variables (at most 4000 characters); see
 * docs/security-input.md for the table.
 */
public final class InputLimits {

    /** Codes of units, divisions and indicators ({@code unit_code VARCHAR(100)}). */
    public static final int CODE = 100;
    /** User ids ({@code VARCHAR(150)}). */
    public static final int USER_ID = 150;
    /**
     * Titles of assignments; a directive's title is "number: summary". Kept at 500 so that notification subjects
     * ("[Nhắc việc] title: hạn ...", {@code VARCHAR(1000)}) always fit.
     */
    public static final int TITLE = 500;
    /**
     * The bound of a stored title (instant assignment, or a directive's "number: summary") checked where it is
     * stored, whatever the door: fits {@code title VARCHAR(1000)} and the notification subjects around it.
     */
    public static final int STORED_TITLE = 800;
    /** Notes, reasons, results, descriptions: Camunda string variables hold at most 4000 characters. */
    public static final int LONG_TEXT = 4000;
    /** Reasons and notes stored in {@code VARCHAR(2000)} columns (KPI waivers, report versions and values). */
    public static final int REASON = 2000;
    /** Working days in a deadline: at most about ten years. */
    public static final int MAX_WORKING_DAYS = 3650;
    /** The working-day calendar covers 1900-2100 (the lunar tables). */
    public static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);
    /** Rows one list call returns at most. */
    public static final int MAX_LIMIT = 1000;

    private InputLimits() {
    }

    /** Whether a date is within the calendar's range. */
    public static boolean inCalendar(LocalDate date) {
        return !date.isBefore(FIRST_DAY) && !date.isAfter(LAST_DAY);
    }

    /**
     * The first control character of a text, or -1: none at all in a single line; only line feed, carriage return and
     * tab in multi-line text. Unicode format characters that can hide text (bidi overrides) count as control
     * characters.
     */
    public static int controlCharacter(String text, boolean multiLine) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (multiLine && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            }
            if (Character.isISOControl(c) || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069'
                    || c == '\u2028' || c == '\u2029') {
                return c;
            }
        }
        return -1;
    }

    /**
     * Checks a text that reaches the application through an engine door (a start form, a task completion), where
     * request-record annotations do not apply: at most {@code max} characters, no control characters.
     *
     * @throws InputRejected with a message naming the field in Vietnamese and English
     */
    public static String text(String text, String field, int max, boolean multiLine) {
        if (text == null) {
            return null;
        }
        if (text.length() > max) {
            throw new InputRejected("Trường '" + field + "' dài quá " + max + " ký tự (" + field + " longer than " + max
                    + " characters)");
        }
        int control = controlCharacter(text, multiLine);
        if (control >= 0) {
            throw new InputRejected("Trường '" + field + "' có ký tự điều khiển không được phép U+"
                    + String.format("%04X", control) + " (" + field + " contains a control character)");
        }
        return text;
    }
}
