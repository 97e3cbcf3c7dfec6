package vn.dieuhanh.assignment;

/** The kinds of steps recorded in an assignment's trail. */
public enum TrailEventKind {
    ASSIGNED("Giao nhiệm vụ"),
    DELEGATED("Phân công, giao lại"),
    REPORTED("Báo cáo kết quả"),
    RETURNED("Trả lại yêu cầu làm lại"),
    ACCEPTED("Chấp nhận kết quả"),
    EXTENSION_REQUESTED("Xin gia hạn"),
    EXTENSION_APPROVED("Đồng ý gia hạn"),
    EXTENSION_REFUSED("Không đồng ý gia hạn"),
    CANCELLED("Hủy nhiệm vụ"),
    /** A leader (or the assigner) reminded the holder; recorded by the notification capability. */
    NUDGED("Lãnh đạo nhắc việc");

    private final String label;

    TrailEventKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
