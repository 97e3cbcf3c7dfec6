/**
 * Delegated signing authority for certification (ủy quyền ký chứng thực, HCMC Resolution 29/2025/NQ-HĐND): the 13
 * certification tasks as reference data, the chairman's delegation decisions (process {@code signing-delegation}),
 * certification requests routed to a signer holding an active delegation and numbered in the certification register
 * (process {@code certification-request}), and oversight (what was signed on the chairman's behalf, periodic reports,
 * audit trail). Implements {@code dossier}'s {@link vn.dieuhanh.dossier.CertificationSigners} (a certification dossier is
 * signed by a delegate in force, else the chairman). Uses {@code organisation}, {@code calendar}, {@code notification}
 * and {@code dossier}'s API; nothing depends on this module.
 * See docs/authority.md.
 */
package vn.dieuhanh.authority;
