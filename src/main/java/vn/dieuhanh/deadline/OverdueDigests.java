package vn.dieuhanh.deadline;

import java.time.LocalDate;
import java.util.List;

/**
 * The daily overdue digest ("Tổng hợp việc quá hạn", {@code processes/deadline/overdue-digest.bpmn}): one notification
 * per official and working day listing all the overdue open work he is reminded of, instead of one reminder per
 * assignment and day. Idempotent: keyed {@code overdue-digest:<day>:<recipient>} in the outbox, so the job run twice
 * on the same day, or on two nodes, sends once. Runs in the caller's (engine) transaction.
 */
public interface OverdueDigests {

    /**
     * Enqueues the digest of {@code day} for each recipient of the items ({@link OverdueWork#recipient()}); items
     * without a recipient are left out. Returns how many digests were new.
     */
    int send(LocalDate day, List<OverdueWork> items);
}
