-- Tables every service shares through service-support. Repeatable and idempotent: Flyway re-runs it when it
-- changes, so each change must be written as IF NOT EXISTS / ALTER ... ADD COLUMN IF NOT EXISTS.

-- Transactional outbox: a state change and its event commit together; OutboxRelay publishes in seq order.
CREATE TABLE IF NOT EXISTS outbox_event (
    seq          BIGSERIAL PRIMARY KEY,
    id           UUID        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    event_key    TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    subject      TEXT,
    payload      TEXT        NOT NULL,
    traceparent  TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    sent_at      TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS outbox_event_unsent ON outbox_event (seq) WHERE sent_at IS NULL;

-- Idempotent consumers: the first sight of a ce_id commits with the effect it caused.
CREATE TABLE IF NOT EXISTS processed_event (
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX IF NOT EXISTS processed_event_age ON processed_event (processed_at);
