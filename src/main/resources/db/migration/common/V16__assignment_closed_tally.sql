-- Issue 15: the summary counts closed work without reading every closed row. A completed or cancelled assignment's
-- bucket no longer depends on "now" (completed on time / late is fixed by completed_at and deadline; cancelled work
-- is counted in no bucket), so closed rows are tallied per (unit, holder, source, assigner) when they close
-- (ClosedTally, in the transaction that closes them). The summary of those who see everything adds this tally to a
-- grouped count of the open rows only (docs/performance.md). A missing holder is stored as '' (key columns are the
-- primary key). Portable SQL for PostgreSQL and H2.
CREATE TABLE asg_closed_tally (
    unit_code    VARCHAR(100) NOT NULL,
    holder_user  VARCHAR(150) NOT NULL,
    source       VARCHAR(40)  NOT NULL,
    assigned_by  VARCHAR(150) NOT NULL,
    on_time      BIGINT       NOT NULL,
    late         BIGINT       NOT NULL,
    cancelled    BIGINT       NOT NULL,
    PRIMARY KEY (unit_code, holder_user, source, assigned_by)
);

INSERT INTO asg_closed_tally (unit_code, holder_user, source, assigned_by, on_time, late, cancelled)
SELECT unit_code, COALESCE(holder_user, ''), source, assigned_by,
       SUM(CASE WHEN cancelled_at IS NULL AND completed_at <= deadline THEN 1 ELSE 0 END),
       SUM(CASE WHEN cancelled_at IS NULL AND completed_at > deadline THEN 1 ELSE 0 END),
       SUM(CASE WHEN cancelled_at IS NOT NULL THEN 1 ELSE 0 END)
  FROM asg_assignment
 WHERE completed_at IS NOT NULL OR cancelled_at IS NOT NULL
 GROUP BY unit_code, COALESCE(holder_user, ''), source, assigned_by;

-- The open rows (both NULL) are a small part of a table that keeps every year's work.
CREATE INDEX asg_assignment_open_idx ON asg_assignment (completed_at, cancelled_at);
