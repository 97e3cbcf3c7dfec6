package vn.dieuhanh.platform;

/**
 * Names and descriptions of user tasks as Tasklist shows them ("Xử lý: Về chỉnh trang vỉa hè (512/UBND-ĐT)"): each
 * module's {@code create} task listener builds them from its own records; the model's static name stays the
 * analysts' label. Bounded to the engine's columns ({@code NAME_ VARCHAR(255)}, {@code DESCRIPTION_ VARCHAR(4000)}).
 */
public final class TaskTexts {

    public static final int NAME_LIMIT = 255;
    public static final int DESCRIPTION_LIMIT = 4000;

    private TaskTexts() {
    }

    /**
     * {@code verb: subject (reference)}; the subject is shortened (with "…") so that the whole fits a task name, the
     * verb and the reference are kept. A blank reference is left out.
     */
    public static String name(String verb, String subject, String reference) {
        String prefix = verb + ": ";
        String suffix = reference == null || reference.isBlank() ? "" : " (" + oneLine(reference) + ")";
        String name = prefix + shorten(oneLine(subject), Math.max(1, NAME_LIMIT - prefix.length() - suffix.length()))
                + suffix;
        return shorten(name, NAME_LIMIT);
    }

    /** Lines "label: value", skipping empty values, within the description's bound. */
    public static String description(String... labelsAndValues) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i + 1 < labelsAndValues.length; i += 2) {
            String value = labelsAndValues[i + 1];
            if (value == null || value.isBlank()) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(labelsAndValues[i]).append(": ").append(value.strip());
        }
        return shorten(text.toString(), DESCRIPTION_LIMIT);
    }

    static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + "…";
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}
