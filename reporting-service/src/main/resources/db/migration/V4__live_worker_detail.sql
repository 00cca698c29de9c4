-- Agent states for the wallboard: each worker's name and activity, and which worker a reserved or assigned task is
-- with, so the per-worker view counts a worker's tasks by SQL at read time like the per-queue view does.
ALTER TABLE live_worker ADD COLUMN friendly_name TEXT;
ALTER TABLE live_worker ADD COLUMN activity_name TEXT;
-- set by reservation.created / .accepted, cleared when the task is pending again (rejected, timed out)
ALTER TABLE live_task ADD COLUMN worker_sid TEXT;
CREATE INDEX live_task_worker ON live_task (worker_sid) WHERE worker_sid IS NOT NULL AND status <> 'ended';
