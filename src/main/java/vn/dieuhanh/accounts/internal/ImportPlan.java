package vn.dieuhanh.accounts.internal;

import java.util.List;
import java.util.Set;

/**
 * What applying a staff list changes, computed from the file's rows and the directory as it is now.
 *
 * @param rows         every row with its validated official or its error (Vietnamese first)
 * @param changes      new, moved, changed and leaving officials, in row order then leavers by id
 * @param unchanged    rows that change nothing
 * @param coveredUnits the units the file speaks for (a unit of at least one accepted row): their officials missing
 *                     from the file are the leavers
 */
record ImportPlan(List<RowResult> rows, List<Change> changes, int unchanged, Set<String> coveredUnits) {

    enum Kind {
        NEW("Mới"), MOVED("Chuyển đơn vị"), CHANGED("Thay đổi"), LEAVING("Nghỉ việc, thôi công tác");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    record RowResult(StaffRow row, Person person, String error) {
    }

    /**
     * One change; {@code after} is null for a leaver; {@code before} null for a new official (or the inactive entry
     * of one who comes back).
     */
    record Change(Kind kind, String userId, Person before, Person after, String summary) {

        boolean handsOver() {
            return kind == Kind.MOVED || kind == Kind.LEAVING;
        }
    }

    List<RowResult> refused() {
        return rows.stream().filter(row -> row.error() != null).toList();
    }

    long count(Kind kind) {
        return changes.stream().filter(change -> change.kind() == kind).count();
    }

    /** The key an applied plan must match its preview by: kinds, ids and summaries in order. */
    List<String> fingerprint() {
        return changes.stream().map(c -> c.kind() + "|" + c.userId() + "|" + c.summary()).toList();
    }
}
