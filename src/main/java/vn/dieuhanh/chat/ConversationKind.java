package vn.dieuhanh.chat;

/** The kinds of conversations. */
public enum ConversationKind {
    /** Two officials. */
    DIRECT("Tin nhắn riêng"),
    /** Every official of one unit; its head moderates. */
    UNIT("Kênh đơn vị"),
    /** A group created by a leader, a unit head or deputy, or an administrator. */
    GROUP("Nhóm"),
    /** The thread of one assignment: whoever may see the assignment. */
    ASSIGNMENT("Trao đổi nhiệm vụ");

    private final String label;

    ConversationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
