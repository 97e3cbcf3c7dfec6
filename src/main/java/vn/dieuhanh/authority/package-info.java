/**
 * Delegated signing authority for certification (ủy quyền ký chứng thực, HCMC Resolution 29/2025/NQ-HĐND): the 13
 * certification tasks as reference data, the chairman's delegation decisions (process {@code signing-delegation}),
 * certification requests routed to a signer holding an active delegation and numbered in the certification register
 * (process {@code certification-request}), and oversight (what was signed on the chairman's behalf, periodic reports,
 * audit trail). Uses {@code organisation}, {@code calendar} and {@code notification}; nothing depends on this module.
 * See docs/authority.md.
 */
package vn.dieuhanh.authority;
