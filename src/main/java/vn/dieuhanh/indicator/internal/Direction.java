package vn.dieuhanh.indicator.internal;

/** Whether more is better (revenue, coverage) or less is better (crimes, accidents: the plan is a ceiling). */
public enum Direction {
    HIGHER_IS_BETTER("Càng cao càng tốt"),
    LOWER_IS_BETTER("Càng thấp càng tốt (kế hoạch là mức trần)");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
