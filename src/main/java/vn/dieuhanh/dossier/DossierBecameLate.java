package vn.dieuhanh.dossier;

import java.time.Instant;

/**
 * A dossier passed its appointment before its result was ready: a KPI fact of the competent unit. Published in the
 * engine's transaction, possibly more than once for one dossier (timer and late signature); listeners key it by
 * {@code dossierCode}.
 */
public record DossierBecameLate(String dossierCode, String unitCode, Instant appointmentAt, Instant at) {
}
