package vn.dieuhanh.kpi;

/**
 * The kinds of scoring facts in the KPI ledger. What each costs is not here but in the DMN table
 * {@code processes/kpi/kpi-penalty.dmn}; {@link #rule()} names the criterion of Decree 335/2025 the fact belongs to.
 */
public enum LedgerKind {
    /** The item was completed (its result accepted) by its deadline: counts for quantity. */
    COMPLETED_ON_TIME("ND335/so-luong", "Hoàn thành đúng hạn"),
    /** The item was completed after its deadline: counts for quantity; the lateness itself is {@link #LATE}. */
    COMPLETED_LATE("ND335/so-luong", "Hoàn thành quá hạn"),
    /** The item passed a deadline (overdue timer, or accepted after the deadline): one per item and deadline. */
    LATE("ND335/tien-do", "Quá hạn"),
    /**
     * The item was still open past its deadline at the end of a month (written when the month closes, dated on its
     * last day), so an item overdue for months counts in every period it stays overdue, not only in the one its
     * deadline fell in.
     */
    OVERDUE_AT_PERIOD_END("ND335/tien-do", "Còn quá hạn cuối kỳ"),
    /** The item failed its quality review (returned for rework). */
    RETURNED("ND335/chat-luong", "Trả lại yêu cầu làm lại"),
    /** A periodic indicator report passed its due date unsubmitted, or was filed late: one per report (key
     * {@code report-late:<reportId>}), written by {@code ReportLedgerListener} from the indicator capability's events. */
    REPORT_LATE("ND335/tien-do", "Nộp báo cáo trễ hạn"),
    /** The assigner granted an extension. */
    EXTENSION_GRANTED("ND335/tien-do", "Được gia hạn"),
    /** A leader waived another row for an objective cause; references it, with the reason. */
    WAIVER("ND335/mien-tru", "Miễn trừ do nguyên nhân khách quan");

    private final String rule;
    private final String label;

    LedgerKind(String rule, String label) {
        this.rule = rule;
        this.label = label;
    }

    public String rule() {
        return rule;
    }

    public String label() {
        return label;
    }

    /** Only lateness can be waived for an objective cause. */
    public boolean waivable() {
        return this == LATE || this == OVERDUE_AT_PERIOD_END || this == REPORT_LATE;
    }
}
