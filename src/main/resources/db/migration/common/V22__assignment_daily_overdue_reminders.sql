-- Issue 15 (daily overdue digest). Portable SQL for PostgreSQL and H2.

-- Whether the assignment's reminder policy (reminder-policy.dmn, output dailyOverdueReminders) asks for daily
-- reminders while it is overdue: stored when the lifecycle opens and reads the policy, so that the daily digest
-- ("Tổng hợp việc quá hạn", processes/deadline/overdue-digest.bpmn) selects the overdue work in one statement instead
-- of asking every process instance. Every rule of the table said true when this was written, so existing rows (and
-- rows between their insert and the lifecycle's first step) default to true.
ALTER TABLE asg_assignment ADD COLUMN daily_overdue_reminders BOOLEAN DEFAULT TRUE NOT NULL;

-- (The digest's statement reads open rows by deadline: asg_assignment_deadline_idx of V4 serves it.)
