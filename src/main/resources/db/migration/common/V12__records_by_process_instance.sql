-- The trust boundary: which assignment, report or explanation request a running process works on is read from these
-- tables by process instance, never from process variables an official could write. One record per instance.
CREATE UNIQUE INDEX asg_assignment_process_instance_idx ON asg_assignment (process_instance_id);
CREATE UNIQUE INDEX ind_report_process_instance_idx ON ind_report (process_instance_id);
CREATE UNIQUE INDEX ind_explanation_process_instance_idx ON ind_explanation_request (process_instance_id);
CREATE INDEX asg_directive_process_instance_idx ON asg_directive (process_instance_id);
