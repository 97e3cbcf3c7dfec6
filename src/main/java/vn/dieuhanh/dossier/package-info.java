/**
 * Administrative-procedure dossiers received at any of the city's 41 reception points regardless of territory
 * (Decree 118/2025/ND-CP): reference data (reception points, procedure catalogue), the {@code dossier-handling}
 * process, the citizens' anonymous lookup and oversight figures. Publishes {@link vn.dieuhanh.dossier.DossierBecameLate}
 * (the KPI ledger records it); certification signers are chosen by a {@link vn.dieuhanh.dossier.CertificationSigners}
 * bean (default: the unit head). See docs/dossiers.md.
 */
package vn.dieuhanh.dossier;
