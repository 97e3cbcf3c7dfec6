package vn.dieuhanh.kpi.internal;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dieuhanh.kpi.LedgerKind;
import vn.dieuhanh.kpi.LedgerRow;
import vn.dieuhanh.platform.Conflict;
import vn.dieuhanh.platform.InputRejected;
import vn.dieuhanh.platform.NotFound;

/** Waivers for an objective cause: a new WAIVER row referencing the waived row, never an edit. */
@Service
@Transactional
public class KpiWaivers {

    public static class WaiverRejected extends InputRejected {
        public WaiverRejected(String message) {
            super(message);
        }
    }

    public static class AlreadyWaived extends Conflict {
        public AlreadyWaived(String message) {
            super(message);
        }
    }

    public static class RowNotFound extends NotFound {
        public RowNotFound(String message) {
            super(message);
        }
    }

    private final KpiLedger ledger;
    private final Clock clock;

    public KpiWaivers(KpiLedger ledger, Clock clock) {
        this.clock = clock;
        this.ledger = ledger;
    }

    /** The unit of a ledger row, for the authorization check. */
    @Transactional(readOnly = true)
    public String unitOf(long ledgerId) {
        return ledger.get(ledgerId).map(LedgerRow::unitCode).orElseThrow(() ->
                new RowNotFound("Không có dòng sổ điểm " + ledgerId + " (no KPI ledger row " + ledgerId + ")"));
    }

    public LedgerRow waive(long ledgerId, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new WaiverRejected("Nêu nguyên nhân khách quan để miễn trừ (a reason is required)");
        }
        LedgerRow row = ledger.get(ledgerId).orElseThrow(() ->
                new RowNotFound("Không có dòng sổ điểm " + ledgerId + " (no KPI ledger row " + ledgerId + ")"));
        if (!row.kind().waivable()) {
            throw new WaiverRejected("Chỉ miễn trừ việc trễ hạn (only late items can be waived, not " + row.kind()
                    + ")");
        }
        String key = "waiver:" + ledgerId;
        Instant now = clock.instant();
        if (!ledger.insert(key, LedgerKind.WAIVER, row.itemId(), row.unitCode(), row.official(), now, ledgerId, actor,
                reason.trim())) {
            throw new AlreadyWaived("Dòng sổ điểm " + ledgerId + " đã được miễn trừ (KPI ledger row " + ledgerId + " is already waived)");
        }
        return ledger.byKey(key).orElseThrow();
    }
}
