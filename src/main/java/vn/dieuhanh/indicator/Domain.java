package vn.dieuhanh.indicator;

/** The four groups of the city's indicators (lĩnh vực). */
public enum Domain {
    ECONOMIC("Kinh tế"),
    CULTURAL("Văn hóa"),
    SOCIAL("Xã hội"),
    DEFENCE_SECURITY("Quốc phòng, an ninh");

    private final String label;

    Domain(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
