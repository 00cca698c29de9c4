-- Live wallboard view: current task counts per queue, folded from cc.tasks.v1. Kept in PostgreSQL so every
-- replica serves (and streams) the same numbers (DESIGN.md "Kafka").
CREATE TABLE queue_live (
    workspace_sid  TEXT        NOT NULL,
    task_queue_sid TEXT        NOT NULL,
    -- tasks waiting for a reservation
    pending        INTEGER     NOT NULL DEFAULT 0,
    -- tasks offered to a worker, not yet accepted
    reserved       INTEGER     NOT NULL DEFAULT 0,
    -- tasks accepted by a worker
    assigned       INTEGER     NOT NULL DEFAULT 0,
    updated_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workspace_sid, task_queue_sid)
);
