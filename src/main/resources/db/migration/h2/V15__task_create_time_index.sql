-- Live updates of the web app (docs/webapp.md "Live updates"): every node asks once per second which user tasks were
-- created in the last seconds. Without this index that is a scan of the whole task table.
CREATE INDEX IF NOT EXISTS dh_act_ru_task_create_time ON ACT_RU_TASK (CREATE_TIME_);
