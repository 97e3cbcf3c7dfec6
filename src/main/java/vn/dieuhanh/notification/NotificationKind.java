package vn.dieuhanh.notification;

/** The kinds of notifications officials receive. */
public enum NotificationKind {
    REMINDER("Nhắc việc"),
    OVERDUE("Quá hạn"),
    /** Per assignment and overdue working day: indicator reports only, and lifecycles started before the digest. */
    OVERDUE_REMINDER("Nhắc việc quá hạn"),
    /** One a working day per official: all the overdue open work he is reminded of (deadline capability). */
    OVERDUE_DIGEST("Tổng hợp việc quá hạn"),
    ESCALATION("Báo cáo lãnh đạo việc quá hạn"),
    MESSAGE("Trao đổi về nhiệm vụ"),
    NUDGE("Lãnh đạo nhắc việc"),
    EXPLANATION_OVERDUE("Quá hạn giải trình chỉ tiêu"),
    /** Open work handed over from an official who moved or left (accounts capability). */
    HANDOVER("Bàn giao công việc"),
    /** Mentioned in a chat message (chat capability): in the in-app inbox at once, no e-mail. */
    CHAT_MENTION("Được nhắc đến trong trò chuyện", "INBOX"),
    /** The e-mail digest of chat mentions still unread after a delay: e-mail only. */
    CHAT_DIGEST("Tin nhắn nhắc đến bạn chưa đọc", "EMAIL");

    private final String label;
    /** The only channel that delivers this kind, or null for every channel. */
    private final String onlyChannel;

    NotificationKind(String label) {
        this(label, null);
    }

    NotificationKind(String label, String onlyChannel) {
        this.label = label;
        this.onlyChannel = onlyChannel;
    }

    /** Whether the channel with this {@link NotificationChannel#name()} delivers notifications of this kind. */
    public boolean deliveredBy(String channel) {
        return onlyChannel == null || onlyChannel.equals(channel);
    }

    public String label() {
        return label;
    }
}
