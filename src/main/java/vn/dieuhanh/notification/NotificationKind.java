package vn.dieuhanh.notification;

/** The kinds of notifications officials receive. */
public enum NotificationKind {
    REMINDER("Nhắc việc"),
    OVERDUE("Quá hạn"),
    OVERDUE_REMINDER("Nhắc việc quá hạn"),
    ESCALATION("Báo cáo lãnh đạo việc quá hạn"),
    MESSAGE("Trao đổi về nhiệm vụ"),
    NUDGE("Lãnh đạo nhắc việc"),
    EXPLANATION_OVERDUE("Quá hạn giải trình chỉ tiêu"),
    /** Open work handed over from an official who moved or left (accounts capability). */
    HANDOVER("Bàn giao công việc");

    private final String label;

    NotificationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
