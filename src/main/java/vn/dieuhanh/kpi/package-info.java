/**
 * KPI (Decree 335/2025/ND-CP): the ledger of scoring facts written in the engine's transaction (exactly once per
 * fact), scoring rules in DMN ({@code processes/kpi/}), period scores and rankings, REST and Excel export. Fed by
 * Spring events of {@code assignment}, {@code deadline}, {@code indicator} and {@code dossier}; nothing depends on this
 * module. See
 * docs/kpi.md.
 */
package vn.dieuhanh.kpi;
