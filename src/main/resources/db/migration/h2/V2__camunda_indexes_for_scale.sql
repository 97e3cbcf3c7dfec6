-- Same indexes as db/migration/postgresql/V2 (H2 has no partial indexes; the demo database is small).
CREATE INDEX IF NOT EXISTS dh_act_ru_job_duedate ON ACT_RU_JOB (DUEDATE_);
CREATE INDEX IF NOT EXISTS dh_act_ru_job_lock_exp ON ACT_RU_JOB (LOCK_EXP_TIME_);
CREATE INDEX IF NOT EXISTS dh_act_ru_task_parent ON ACT_RU_TASK (PARENT_TASK_ID_);
