package vn.dieuhanh.indicator.internal.reporting;

/** The kinds of entries in a report's audit trail ({@code ind_report_version}); the first three carry values. */
public enum EntryKind {
    DRAFT("Lưu bản nháp"),
    SUBMISSION("Gửi báo cáo"),
    CORRECTION("Gửi đính chính sau khi đã duyệt"),
    APPROVAL("Thủ trưởng duyệt"),
    REJECTION("Thủ trưởng trả lại");

    private final String label;

    EntryKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean carriesValues() {
        return this == DRAFT || this == SUBMISSION || this == CORRECTION;
    }
}
