-- sync engine: what V1 leaves open.

-- "member:source" while a task is queued or running, NULL once it ended. The unique index is
-- what refuses a second concurrent sync of the same member and source, on every instance
-- (NULLs are distinct on H2 and PostgreSQL, so finished tasks never collide).
ALTER TABLE sync_tasks ADD COLUMN active_key VARCHAR(100);
CREATE UNIQUE INDEX sync_tasks_active_key_uq ON sync_tasks (active_key);

-- which process runs a job and when it last said it is alive: a job whose runner stopped
-- heartbeating is interrupted, one another live instance runs is left alone
ALTER TABLE sync_jobs ADD COLUMN runner VARCHAR(100);
ALTER TABLE sync_jobs ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX sync_jobs_state_idx ON sync_jobs (state, heartbeat_at);

-- what the last scheduled run started, or why it could not start
ALTER TABLE sync_schedules ADD COLUMN last_job_id BIGINT;
ALTER TABLE sync_schedules ADD COLUMN last_error VARCHAR(2000);
