package vn.dieuhanh.workspace.internal;

import java.time.OffsetDateTime;
import vn.dieuhanh.assignment.StatusBucket;

/**
 * One line of Việc của tôi or Việc đã giao.
 *
 * @param action       what is asked of me ("Xử lý nhiệm vụ", "Lập báo cáo chỉ tiêu", ...), or the holder on Việc đã giao
 * @param source       where the work comes from, in Vietnamese
 * @param deadlineText "Thứ Sáu, 04/12/2026", or null without deadline
 * @param daysLeftText "Còn 3 ngày làm việc", "Hạn hôm nay", "Quá hạn 2 ngày làm việc"
 * @param bucket       the status bucket (colour and label)
 * @param href         the item's page: /viec/{id} for assignments, the task in Tasklist for other work
 */
record WorkRow(String title, String action, String source, String documentNumber, String unitName,
               OffsetDateTime deadline, String deadlineText, Integer workingDaysLeft, String daysLeftText,
               StatusBucket bucket, String href) {

    public String bucketLabel() {
        return bucket == null ? "Đã hủy" : bucket.label();
    }

    public String bucketClass() {
        return bucket == null ? "b-CANCELLED" : "b-" + bucket.name();
    }
}
