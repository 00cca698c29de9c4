-- Interval metrics: one row of facts per task, folded from cc.tasks.v1. Interval rows are computed from these
-- facts at query time (IntervalRepository), never kept as counters, so a redelivered event changes nothing and a
-- late one corrects the interval its event time falls in. Every time is the event's own time (occurredAt /
-- createdAt), never when the event arrived.
CREATE TABLE task_fact (
    task_sid         TEXT        PRIMARY KEY,
    workspace_sid    TEXT        NOT NULL,
    -- the queue of the earliest task-queue.entered; until that arrives, the queue a reservation or the task's end
    -- named (task-queue.entered replaces it)
    task_queue_sid   TEXT,
    -- from task.created: the interaction's medium (attributes.channel, else the task channel) and the workflow
    channel          TEXT,
    workflow_sid     TEXT,
    -- the worker of the earliest reservation.accepted
    worker_sid       TEXT,
    -- the earliest time of each kind of event: order-independent, so replays and late events converge
    entered_queue_at TIMESTAMPTZ,
    accepted_at      TIMESTAMPTZ,
    completed_at     TIMESTAMPTZ,
    canceled_at      TIMESTAMPTZ,
    -- when the service last changed the row (arrival time; not used for metrics)
    updated_at       TIMESTAMPTZ NOT NULL
);
-- each metric selects facts by one event time (and usually one queue)
CREATE INDEX task_fact_entered ON task_fact (entered_queue_at, task_queue_sid) WHERE entered_queue_at IS NOT NULL;
CREATE INDEX task_fact_accepted ON task_fact (accepted_at, task_queue_sid) WHERE accepted_at IS NOT NULL;
CREATE INDEX task_fact_completed ON task_fact (completed_at, task_queue_sid) WHERE completed_at IS NOT NULL;
CREATE INDEX task_fact_canceled ON task_fact (canceled_at, task_queue_sid) WHERE canceled_at IS NOT NULL;
-- busy spans still open (occupancy counts them up to the query's now)
CREATE INDEX task_fact_open ON task_fact (accepted_at) WHERE completed_at IS NULL AND canceled_at IS NULL;
