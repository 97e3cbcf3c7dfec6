package vn.dieuhanh.deadline;

import vn.dieuhanh.notification.NotificationKind;

/** What a deadline alert says, in the order alerts of the same instant are sent. */
public enum AlertKind {
    /** Before the deadline: a policy point of the working time has passed (nhắc việc). */
    REMINDER("Nhắc việc"),
    /** The deadline has passed with the assignment open (quá hạn): holder and unit head are alerted, KPI is told. */
    OVERDUE("Quá hạn"),
    /**
     * Each working day while overdue (nhắc việc quá hạn): indicator reports only; assignments get the daily overdue
     * digest instead ({@link OverdueDigests}, {@link AlertSchedule#withoutDailyOverdueReminders()}).
     */
    OVERDUE_REMINDER("Nhắc việc quá hạn"),
    /** After the policy's number of overdue working days: the unit head is told (báo cáo thủ trưởng đơn vị). */
    ESCALATION_TO_HEAD("Báo cáo thủ trưởng đơn vị"),
    /** After the policy's (larger) number of overdue working days: the assigning leader is told. */
    ESCALATION_TO_LEADER("Báo cáo lãnh đạo giao việc");

    private final String label;

    AlertKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** How the notification of this alert is labelled in inboxes and e-mails. */
    public NotificationKind notificationKind() {
        return switch (this) {
            case REMINDER -> NotificationKind.REMINDER;
            case OVERDUE -> NotificationKind.OVERDUE;
            case OVERDUE_REMINDER -> NotificationKind.OVERDUE_REMINDER;
            case ESCALATION_TO_HEAD, ESCALATION_TO_LEADER -> NotificationKind.ESCALATION;
        };
    }

    /** Reminders may be overtaken by a later alert (and are then not sent); the others are always sent. */
    public boolean isReminder() {
        return this == REMINDER || this == OVERDUE_REMINDER;
    }
}
