-- Live wallboard state, folded from cc.tasks.v1 and cc.workers.v1 by the one consumer group reporting-service.
-- Kept in PostgreSQL so every replica serves and streams the same numbers (DESIGN.md "Kafka": state every
-- replica must see). Per-queue counts are computed by SQL from these rows, so a redelivered or reordered event can
-- never leave a counter drifted the way incremented counters (V1's queue_live) could.
DROP TABLE queue_live;

-- One row per task the view has heard of; ended tasks stay (counted nowhere) until pruned, so a queue whose tasks
-- all ended is still listed with zeros.
CREATE TABLE live_task (
    task_sid         TEXT        PRIMARY KEY,
    workspace_sid    TEXT        NOT NULL,
    -- null until task-queue.entered (or a reservation naming the queue)
    task_queue_sid   TEXT,
    status           TEXT        NOT NULL CHECK (status IN ('pending', 'reserved', 'assigned', 'ended')),
    -- when the task entered its queue (event time): longest_waiting_seconds is measured from here
    entered_queue_at TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX live_task_queue ON live_task (workspace_sid, task_queue_sid) WHERE task_queue_sid IS NOT NULL;
CREATE INDEX live_task_ended ON live_task (updated_at) WHERE status = 'ended';

-- One row per worker: whether its activity lets it take tasks, and the queues whose target_workers select it.
CREATE TABLE live_worker (
    worker_sid      TEXT        PRIMARY KEY,
    workspace_sid   TEXT        NOT NULL,
    available       BOOLEAN     NOT NULL,
    task_queue_sids TEXT[]      NOT NULL DEFAULT '{}',
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX live_worker_queues ON live_worker USING GIN (task_queue_sids);

-- A change counter bumped in every transaction that changes the rows above: each replica's SSE streams poll it to
-- learn that any replica applied an event.
CREATE TABLE live_version (
    id      SMALLINT PRIMARY KEY CHECK (id = 1),
    version BIGINT   NOT NULL
);
INSERT INTO live_version (id, version) VALUES (1, 0);
