package vn.dieuhanh.assignment;

import java.util.List;

/**
 * Hands an official's open assignments to another official when the first moves to another unit or leaves
 * (accounts capability, docs/accounts.md). The assignments stay where they are (their unit, KPI facts and trail);
 * only who holds them, or who decides on them, changes, and each hand-over is a {@link TrailEventKind#DELEGATED} step
 * of the trail, by the administrator, with the reason.
 */
public interface OpenWorkHandover {

    /** An open assignment the official holds or decides on (reviewer). */
    record HeldAssignment(String assignmentId, String unitCode, String title, boolean holder, boolean reviewer) {
    }

    /** The open (neither completed nor cancelled) assignments {@code userId} holds or reviews, in id order. */
    List<HeldAssignment> openWorkOf(String userId);

    /**
     * Moves every open assignment held or reviewed by {@code fromUser} to {@code toUser}: the record, the running
     * lifecycle's variables and its open tasks assigned to {@code fromUser}; appends the trail step. Joins the
     * caller's transaction. Returns the assignments handed over.
     */
    List<HeldAssignment> handOver(String fromUser, String toUser, String actor, String reason);
}
