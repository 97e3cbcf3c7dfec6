package vn.dieuhanh.indicator.internal.reporting;

/** Where a unit's report stands. */
public enum ReportStatus {
    OPEN("Chưa lập"),
    DRAFT("Đang soạn"),
    SUBMITTED("Chờ thủ trưởng duyệt"),
    REJECTED("Bị trả lại"),
    APPROVED("Đã duyệt"),
    CORRECTION_PENDING("Đính chính chờ duyệt");

    private final String label;

    ReportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The unit may still fill it in and send it. */
    public boolean withUnit() {
        return this == OPEN || this == DRAFT || this == REJECTED;
    }
}
