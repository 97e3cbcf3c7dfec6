package vn.dieuhanh.kpi.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.dieuhanh.assignment.AssignmentAccepted;
import vn.dieuhanh.assignment.AssignmentReturned;
import vn.dieuhanh.assignment.ExtensionGranted;
import vn.dieuhanh.deadline.AssignmentBecameOverdue;
import vn.dieuhanh.kpi.LedgerKind;

/**
 * Turns assignment and deadline events into ledger rows, synchronously in the publisher's (engine) transaction: if
 * the step rolls back, so does its row. Keys: one lateness per (item, deadline), whether the overdue timer or a late
 * acceptance sees it first; one completion per item; one return or extension per occurrence.
 */
@Component
class LedgerListener {

    private final KpiLedger ledger;

    LedgerListener(KpiLedger ledger) {
        this.ledger = ledger;
    }

    @EventListener
    void on(AssignmentBecameOverdue event) {
        ledger.record(lateKey(event.assignmentId(), event.deadline()), LedgerKind.LATE, event.assignmentId(),
                event.unitCode(), event.holderUser(), event.at());
    }

    @EventListener
    void on(AssignmentAccepted event) {
        ledger.record("completed:" + event.assignmentId(),
                event.late() ? LedgerKind.COMPLETED_LATE : LedgerKind.COMPLETED_ON_TIME, event.assignmentId(),
                event.unitCode(), event.holderUser(), event.completedAt());
        if (event.late()) {
            ledger.record(lateKey(event.assignmentId(), event.deadline()), LedgerKind.LATE, event.assignmentId(),
                    event.unitCode(), event.holderUser(), event.completedAt());
        }
    }

    @EventListener
    void on(AssignmentReturned event) {
        ledger.record("returned:" + event.assignmentId() + ":" + event.returnedAt(), LedgerKind.RETURNED,
                event.assignmentId(), event.unitCode(), event.holderUser(), event.returnedAt());
    }

    @EventListener
    void on(ExtensionGranted event) {
        ledger.record("extension:" + event.assignmentId() + ":" + event.newDeadline(), LedgerKind.EXTENSION_GRANTED,
                event.assignmentId(), event.unitCode(), event.holderUser(), event.grantedAt());
    }

    static String lateKey(String assignmentId, java.time.Instant deadline) {
        return "late:" + assignmentId + ":" + deadline;
    }
}
