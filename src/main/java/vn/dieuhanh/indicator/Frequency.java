package vn.dieuhanh.indicator;

/** How often an indicator is reported (kỳ báo cáo). */
public enum Frequency {
    MONTHLY("Hằng tháng"),
    QUARTERLY("Hằng quý"),
    YEARLY("Hằng năm");

    private final String label;

    Frequency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
