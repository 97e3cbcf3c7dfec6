-- Indexes the Camunda 7.24 schema lacks at city scale (measured: see README "Engine settings for scale").
-- Camunda creates its tables before Flyway runs (FlywayRunsAfterEngineSchema).
-- Timer acquisition by due date (jobExecutorAcquireByDueDate=true) orders by DUEDATE_.
CREATE INDEX IF NOT EXISTS dh_act_ru_job_duedate ON act_ru_job (duedate_);
-- Acquisition looks for expired locks among locked jobs only.
CREATE INDEX IF NOT EXISTS dh_act_ru_job_lock_exp ON act_ru_job (lock_exp_time_) WHERE lock_owner_ IS NOT NULL;
-- Completing a task looks up its sub-tasks by PARENT_TASK_ID_.
CREATE INDEX IF NOT EXISTS dh_act_ru_task_parent ON act_ru_task (parent_task_id_);
