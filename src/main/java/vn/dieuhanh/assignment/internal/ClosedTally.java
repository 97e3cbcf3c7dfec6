package vn.dieuhanh.assignment.internal;

import java.time.OffsetDateTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code asg_closed_tally}: closed assignments counted per (unit, holder, source, assigner) and closed bucket, so that
 * the summary of those who see everything reads one row per key instead of every closed row (migration V16). Kept
 * by {@link AssignmentRepository} in the transaction that changes a row: whenever a row's closed bucket or key
 * changes (completion, cancellation, or a holder or deadline change of a closed row), the old one is taken out and
 * the new one added.
 */
@Repository
class ClosedTally {

    /** A closed row's key and bucket column ({@code on_time}, {@code late} or {@code cancelled}). */
    record Entry(String unitCode, String holderUser, String source, String assignedBy, String column) {

        /** The entry of a row, or null while it is open. */
        static Entry of(String unitCode, String holderUser, String source, String assignedBy,
                        OffsetDateTime deadline, OffsetDateTime completedAt, OffsetDateTime cancelledAt) {
            String column;
            if (cancelledAt != null) {
                column = "cancelled";
            } else if (completedAt != null) {
                // the same test as StatusBuckets.Term.COMPLETED_BY_DEADLINE
                column = completedAt.isAfter(deadline) ? "late" : "on_time";
            } else {
                return null;
            }
            return new Entry(unitCode, holderUser == null ? "" : holderUser, source, assignedBy, column);
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    ClosedTally(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    void add(Entry entry, int delta) {
        ensureKey(entry);
        // column is one of three constants (Entry.of), never input
        jdbc.sql("UPDATE asg_closed_tally SET " + entry.column() + " = " + entry.column() + " + ?"
                        + " WHERE unit_code = ? AND holder_user = ? AND source = ? AND assigned_by = ?")
                .params(delta, entry.unitCode(), entry.holderUser(), entry.source(), entry.assignedBy())
                .update();
    }

    /**
     * The key's row, inserted with zeros if it is missing. Two transactions closing the first rows of a new key at
     * the same time both try to insert it: the second's insert fails on the primary key inside a savepoint, which is
     * rolled back, and it goes on to the update (which waits for the first's commit). Nothing else of the
     * transaction is lost.
     */
    private void ensureKey(Entry e) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM asg_closed_tally"
                        + " WHERE unit_code = ? AND holder_user = ? AND source = ? AND assigned_by = ?")
                .params(e.unitCode(), e.holderUser(), e.source(), e.assignedBy()).query(Long.class).single() > 0;
        if (exists) {
            return;
        }
        try {
            savepoint.executeWithoutResult(status -> jdbc.sql("INSERT INTO asg_closed_tally (unit_code, holder_user,"
                            + " source, assigned_by, on_time, late, cancelled) VALUES (?, ?, ?, ?, 0, 0, 0)")
                    .params(e.unitCode(), e.holderUser(), e.source(), e.assignedBy()).update());
        } catch (DuplicateKeyException insertedMeanwhile) {
            // another transaction inserted it first: the update below counts on its row
        }
    }
}
