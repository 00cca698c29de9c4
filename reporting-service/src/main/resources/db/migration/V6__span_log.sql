-- Spans received over OTLP (POST /v1/traces) that carry one of our ids (a cc.* attribute): joined into journeys by
-- cc.interaction_id, cc.task_sid or the trace ids of the interaction's events. Other spans are not kept.
CREATE TABLE span_log (
    trace_id       TEXT        NOT NULL,
    span_id        TEXT        NOT NULL,
    parent_span_id TEXT,
    name           TEXT        NOT NULL,
    service        TEXT,
    stage          TEXT,
    start_at       TIMESTAMPTZ NOT NULL,
    end_at         TIMESTAMPTZ NOT NULL,
    -- OTLP status: unset, ok, error
    status         TEXT        NOT NULL,
    status_message TEXT,
    interaction_id TEXT,
    task_sid       TEXT,
    attributes     JSONB       NOT NULL,
    received_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (trace_id, span_id)
);
CREATE INDEX span_log_interaction ON span_log (interaction_id) WHERE interaction_id IS NOT NULL;
CREATE INDEX span_log_task ON span_log (task_sid) WHERE task_sid IS NOT NULL;
CREATE INDEX span_log_start ON span_log (start_at);
