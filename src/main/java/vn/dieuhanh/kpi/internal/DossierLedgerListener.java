package vn.dieuhanh.kpi.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.dieuhanh.dossier.DossierBecameLate;
import vn.dieuhanh.kpi.LedgerKind;

/**
 * A late administrative-procedure dossier is a lateness of its competent unit (the item is the dossier code, no
 * official), recorded synchronously in the publisher's (engine) transaction, once per dossier
 * ({@code dossier-late:<code>}) whether the appointment timer or a late signature sees it first.
 */
@Component
class DossierLedgerListener {

    private final KpiLedger ledger;

    DossierLedgerListener(KpiLedger ledger) {
        this.ledger = ledger;
    }

    @EventListener
    void on(DossierBecameLate event) {
        ledger.record(key(event.dossierCode()), LedgerKind.LATE, event.dossierCode(), event.unitCode(), null,
                event.at());
    }

    static String key(String dossierCode) {
        return "dossier-late:" + dossierCode;
    }
}
