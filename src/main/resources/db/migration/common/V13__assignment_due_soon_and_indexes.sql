-- Issue 13. V12 is the last migration on main when this was written and V13 may be taken by a parallel branch, so
-- this is V14. Portable SQL for PostgreSQL and H2.

-- The due-soon (sắp đến hạn) window of each assignment, from the reminder policy's warningWindowWorkingDays (DMN),
-- stored when the assignment opens and whenever its deadline changes: "due soon" = open, deadline not passed,
-- now >= due_soon_from. Rows written before this migration are filled at start-up (DueSoonBackfill) with the
-- lifecycle's policy window, or dieuhanh.assignments.due-soon-working-days where there is none.
ALTER TABLE asg_assignment ADD COLUMN due_soon_working_days INT;
ALTER TABLE asg_assignment ADD COLUMN due_soon_from TIMESTAMP WITH TIME ZONE;

-- Lookups of the visibility query and of the lifecycle that had no index.
CREATE INDEX asg_assignment_lead_idx ON asg_assignment (lead_assignment_id);
CREATE INDEX asg_assignment_reviewer_idx ON asg_assignment (reviewer);
CREATE INDEX kpi_ledger_item_idx ON kpi_ledger (item_id);

-- A directive is registered once: the same issuer, number and date is the same document. (A database that already
-- holds such a duplicate stops this migration: resolve it by hand first, see docs/performance.md.)
CREATE UNIQUE INDEX asg_directive_document_uk ON asg_directive (source, document_number, issued_on);
