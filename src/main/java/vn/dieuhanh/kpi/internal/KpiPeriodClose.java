package vn.dieuhanh.kpi.internal;

import java.time.Instant;
import java.time.YearMonth;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dieuhanh.assignment.Assignments;
import vn.dieuhanh.assignment.OverdueAssignment;
import vn.dieuhanh.kpi.LedgerKind;

/**
 * Closes a month: every assignment still open past its deadline at the month's end gets an
 * {@link LedgerKind#OVERDUE_AT_PERIOD_END} row dated on the month's last day (key
 * {@code overdue-at-period-end:<assignment>:<yyyy-MM>}), so it counts in that month, its quarter and its year even when
 * its deadline fell in an earlier period. The query looks at the state at the month's end (created, completed and
 * cancelled instants), so closing late, or twice, gives the same rows.
 */
@Service
@Transactional
public class KpiPeriodClose {

    private final Assignments assignments;
    private final KpiLedger ledger;

    public KpiPeriodClose(Assignments assignments, KpiLedger ledger) {
        this.assignments = assignments;
        this.ledger = ledger;
    }

    /** Returns how many rows were written (0 when the month was closed before). */
    public int closeMonth(YearMonth month) {
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(KpiLedger.ZONE).toInstant();
        Instant lastSecond = end.minusSeconds(1);
        int written = 0;
        for (OverdueAssignment a : assignments.openOverdueAt(end)) {
            if (ledger.record("overdue-at-period-end:" + a.assignmentId() + ":" + month, LedgerKind.OVERDUE_AT_PERIOD_END,
                    a.assignmentId(), a.unitCode(), a.holderUser(), lastSecond)) {
                written++;
            }
        }
        return written;
    }
}
