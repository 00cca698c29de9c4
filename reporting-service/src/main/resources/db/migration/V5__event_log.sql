-- Every event reporting-service consumes that belongs to an interaction (cc.interactions.v1, cc.tasks.v1,
-- cc.context.v1, cc.compliance.v1), kept for journeys (GET /v1/journeys/{interactionId}) and raw-event exports.
-- Keyed by the CloudEvents id: a redelivery inserts nothing. payload is the event as the contracts encode it; a
-- customer key is the only personal datum events carry, and an erasure removes it from both columns.
CREATE TABLE event_log (
    event_id       TEXT        PRIMARY KEY,
    type           TEXT        NOT NULL,
    topic          TEXT        NOT NULL,
    -- the event's own time (its *_at member); received_at when it has none
    occurred_at    TIMESTAMPTZ NOT NULL,
    received_at    TIMESTAMPTZ NOT NULL,
    interaction_id TEXT,
    task_sid       TEXT,
    worker_sid     TEXT,
    customer_key   TEXT,
    -- from the record's traceparent header: joins the journey to its traces
    trace_id       TEXT,
    payload        JSONB       NOT NULL
);
CREATE INDEX event_log_interaction ON event_log (interaction_id) WHERE interaction_id IS NOT NULL;
CREATE INDEX event_log_task ON event_log (task_sid) WHERE task_sid IS NOT NULL;
CREATE INDEX event_log_customer ON event_log (customer_key) WHERE customer_key IS NOT NULL;
CREATE INDEX event_log_occurred ON event_log (occurred_at);
