package vn.dieuhanh.kpi.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.dieuhanh.indicator.IndicatorReportFiled;
import vn.dieuhanh.indicator.IndicatorReportOverdue;
import vn.dieuhanh.kpi.LedgerKind;

/**
 * Turns indicator report events into ledger rows, synchronously in the publisher's (engine) transaction. The item is
 * the report, the subject its unit (no official). One lateness per report, whether the overdue alert or a late filing
 * sees it first ({@code report-late:<id>}); one completion per report ({@code completed:report:<id>}).
 */
@Component
class ReportLedgerListener {

    private final KpiLedger ledger;

    ReportLedgerListener(KpiLedger ledger) {
        this.ledger = ledger;
    }

    @EventListener
    void on(IndicatorReportOverdue event) {
        ledger.record(lateKey(event.reportId()), LedgerKind.REPORT_LATE, event.reportId(), event.unitCode(), null,
                event.at());
    }

    @EventListener
    void on(IndicatorReportFiled event) {
        ledger.record("completed:report:" + event.reportId(),
                event.late() ? LedgerKind.COMPLETED_LATE : LedgerKind.COMPLETED_ON_TIME, event.reportId(),
                event.unitCode(), null, event.submittedAt());
        if (event.late()) {
            ledger.record(lateKey(event.reportId()), LedgerKind.REPORT_LATE, event.reportId(), event.unitCode(), null,
                    event.submittedAt());
        }
    }

    static String lateKey(String reportId) {
        return "report-late:" + reportId;
    }
}
