package vn.dieuhanh.indicator.internal;

/** Where an explanation request stands. */
public enum ExplanationStatus {
    OPEN("Chờ đơn vị giải trình"),
    ANSWERED("Chờ xem xét giải trình"),
    ACCEPTED("Đã chấp nhận giải trình");

    private final String label;

    ExplanationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
