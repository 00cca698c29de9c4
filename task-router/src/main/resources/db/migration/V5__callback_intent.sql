-- One row per callback TaskRouter decided to make (assignment callbacks, event callbacks), written BEFORE the HTTP
-- request: a redelivered Kafka event finds its row and never calls the customer twice (DESIGN: effects outside
-- PostgreSQL are first recorded as an intent with a state machine). pending -> sent | handed-off | failed;
-- skipped when there was nothing to call for any more (e.g. the reservation was no longer pending).
CREATE TABLE callback_intent (
    id              BIGSERIAL PRIMARY KEY,
    event_id        TEXT        NOT NULL,
    kind            TEXT        NOT NULL CHECK (kind IN ('assignment', 'event')),
    event_type      TEXT        NOT NULL,
    workspace_sid   TEXT        NOT NULL,
    task_sid        TEXT,
    reservation_sid TEXT,
    url             TEXT        NOT NULL,
    fallback_url    TEXT,
    state           TEXT        NOT NULL CHECK (state IN ('pending', 'sent', 'handed-off', 'failed', 'skipped')),
    attempts        INT         NOT NULL DEFAULT 0,
    answered_by     TEXT,
    response_status INT,
    instruction     TEXT,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (event_id, kind)
);
CREATE INDEX callback_intent_task ON callback_intent (task_sid);
