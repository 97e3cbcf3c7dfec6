package vn.dieuhanh.assignment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;
import vn.dieuhanh.calendar.WorkingCalendar;

/**
 * Reads form and REST input variables whatever shape the client sent them in: Camunda Forms send numbers as
 * {@code Long}, dates as {@code yyyy-MM-dd} strings and tag lists as JSON; REST clients send what they like.
 */
public final class VariableValues {

    private VariableValues() {
    }

    public static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    public static Integer integer(Object value, String field) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Number number) {
            double real = number.doubleValue();
            if (real != Math.rint(real) || Math.abs(real) > Integer.MAX_VALUE) {
                throw new AssignmentInputException("Trường '" + field + "' phải là số nguyên (" + field
                        + " must be a whole number, got " + value + ")");
            }
            return number.intValue();
        }
        try {
            return Integer.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new AssignmentInputException(field + " must be a whole number, got '" + value + "'");
        }
    }

    public static LocalDate date(Object value, String field) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant().atZone(WorkingCalendar.ZONE).toLocalDate();
        }
        String text = value.toString().trim();
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new AssignmentInputException(field + " must be a date yyyy-MM-dd, got '" + value + "'");
        }
    }

    /** A list of strings from a Java collection, a Spin JSON array, or a JSON array / comma-separated string. */
    public static List<String> strings(Object value) {
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (value instanceof Collection<?> collection) {
            collection.stream().map(VariableValues::text).filter(s -> s != null).forEach(result::add);
        } else if (value instanceof SpinJsonNode json && json.isArray()) {
            json.elements().forEach(element -> result.add(element.isString() ? element.stringValue()
                    : element.toString()));
        } else {
            String text = value.toString().trim();
            if (text.startsWith("[")) {
                org.camunda.spin.Spin.JSON(text).elements().forEach(element -> result.add(element.stringValue()));
            } else {
                for (String part : text.split(",")) {
                    if (!part.isBlank()) {
                        result.add(part.trim());
                    }
                }
            }
        }
        return result;
    }
}
