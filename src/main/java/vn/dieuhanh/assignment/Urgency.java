package vn.dieuhanh.assignment;

import java.util.Arrays;

/** Độ khẩn of a document (Decree 30/2020/NĐ-CP): normal, urgent, very urgent, express. */
public enum Urgency {
    NORMAL("Thường"),
    URGENT("Khẩn"),
    VERY_URGENT("Thượng khẩn"),
    EXPRESS("Hỏa tốc");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Urgency parse(String value) {
        if (value == null || value.isBlank()) {
            return NORMAL;
        }
        return Arrays.stream(values()).filter(urgency -> urgency.name().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new AssignmentInputException("Unknown urgency '" + value + "'; expected one of "
                        + Arrays.toString(values())));
    }
}
