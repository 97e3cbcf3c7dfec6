/**
 * Accounts in production (issue 20): the import of the city's staff list into the organisation directory and Camunda
 * (preview, then apply exactly what was previewed, audited), joiners, movers and leavers with the hand-over of their
 * open work, and the administrators' accounts report. REST under {@code /api/admin/officials}, pages under
 * {@code /quan-tri/can-bo}; administrators only. See docs/accounts.md.
 */
package vn.dieuhanh.accounts;
