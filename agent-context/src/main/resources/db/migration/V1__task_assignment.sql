-- Authorization view of agent-context: which worker holds which task, folded from cc.tasks.v1
-- (reservation.created / accepted / rejected / timeout). An agent's token may read a task's context only while
-- this row names its worker_sid. Kept in PostgreSQL so every replica answers the same (DESIGN.md "Kafka").
CREATE TABLE task_assignment (
    task_sid        TEXT        PRIMARY KEY,
    worker_sid      TEXT        NOT NULL,
    reservation_sid TEXT        NOT NULL,
    -- reserved | accepted | released: the last reservation event seen for the task
    status          TEXT        NOT NULL,
    -- joins the context read to the interaction's trace and history; never personal data
    interaction_id  TEXT,
    updated_at      TIMESTAMPTZ NOT NULL
);

-- an agent desktop lists the tasks its worker may read context for
CREATE INDEX task_assignment_worker ON task_assignment (worker_sid);
