-- Audit trail: one row per event seen on any topic. event_id is the record's ce_id, so a redelivered event
-- lands once. Ids and a pseudonymous subject only: events carry no personal data (DESIGN.md "Kafka").
CREATE TABLE audit_entry (
    id          BIGSERIAL   PRIMARY KEY,
    event_id    TEXT        NOT NULL UNIQUE,
    topic       TEXT        NOT NULL,
    event_type  TEXT        NOT NULL,
    -- ce_subject: the aggregate the event is about (interaction id, task sid, worker sid)
    subject     TEXT,
    -- who caused it (a service's ce_source or a caller's JWT subject), when known
    actor       TEXT,
    occurred_at TIMESTAMPTZ NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL
);

-- GET /v1/audit lists one subject's entries in time order
CREATE INDEX audit_entry_subject ON audit_entry (subject, occurred_at);
