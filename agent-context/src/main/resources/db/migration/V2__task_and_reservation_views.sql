-- agent-context's views of cc.tasks.v1 (DESIGN.md "Kafka": state every replica must see lives in PostgreSQL).
-- task: what a context read needs about the task (its customer key, the interaction and the interaction's root
-- span context for the span link). reservation: who may read it, one row per reservation, so an agent may read
-- a task's context while a pending or accepted reservation names its worker.
-- V1's task_assignment kept one row per task and lost the history of rejected and timed-out reservations.
DROP TABLE task_assignment;

CREATE TABLE task (
    task_sid         TEXT        PRIMARY KEY,
    workspace_sid    TEXT        NOT NULL,
    -- null for tasks created through the REST API rather than for an interaction
    interaction_id   TEXT,
    -- pseudonymous key the gateway derives (never a phone number); the CRMs are asked for it
    customer_key     TEXT,
    channel          TEXT,
    -- traceparent of task.created: a span in the interaction's trace, which context reads link to
    root_traceparent TEXT,
    status           TEXT        NOT NULL CHECK (status IN ('open', 'ended')),
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);

CREATE TABLE reservation (
    reservation_sid TEXT        PRIMARY KEY,
    task_sid        TEXT        NOT NULL,
    worker_sid      TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected', 'timeout', 'ended')),
    updated_at      TIMESTAMPTZ NOT NULL
);

-- every context read asks: does a live reservation of this task name this worker?
CREATE INDEX reservation_task ON reservation (task_sid, worker_sid);
