-- Which queues' target_workers select which workers, kept as workers and queues change, so routing a task
-- reads the free workers of its queue instead of evaluating every worker of the workspace.
CREATE TABLE worker_queue (
    task_queue_sid TEXT NOT NULL REFERENCES task_queue (sid) ON DELETE CASCADE,
    worker_sid     TEXT NOT NULL REFERENCES worker (sid) ON DELETE CASCADE,
    PRIMARY KEY (task_queue_sid, worker_sid)
);
CREATE INDEX worker_queue_worker ON worker_queue (worker_sid);
CREATE INDEX worker_last_assigned ON worker (workspace_sid, last_assigned_at NULLS FIRST, sid);
