-- Calendar module: one counter that every schedule change (override replaced or reverted) increments in the
-- same transaction. Every application node compares it, at most once per dieuhanh.calendar.refresh-interval,
-- with the value its cached working-day tables were built from, and drops them when it changed.
-- Portable SQL for H2 2.x and PostgreSQL.

CREATE TABLE cal_schedule_version (
    id         INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    version_no BIGINT NOT NULL
);

-- The single row; start from the number of changes already audited (rows written by V3's tables).
INSERT INTO cal_schedule_version (id, version_no) SELECT 1, COUNT(*) FROM cal_schedule_audit;
