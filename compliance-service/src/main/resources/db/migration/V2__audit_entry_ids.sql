-- Issue 4: an audit entry names the ids the event is about and the trace it belongs to, so an auditor can ask
-- "what happened to this interaction / this task" and jump to the trace. Ids only, never personal data.
ALTER TABLE audit_entry
    ADD COLUMN interaction_id  TEXT,
    ADD COLUMN task_sid        TEXT,
    ADD COLUMN worker_sid      TEXT,
    ADD COLUMN reservation_sid TEXT,
    -- W3C trace id of the record's traceparent, when it had a valid one
    ADD COLUMN trace_id        TEXT;

-- a record without ce_type is still audited (an audit must not skip what it cannot classify)
ALTER TABLE audit_entry ALTER COLUMN event_type DROP NOT NULL;

-- GET /v1/audit?interaction_id=… and ?task_sid=… list entries by occurred_at, then id
CREATE INDEX audit_entry_interaction ON audit_entry (interaction_id, occurred_at, id);
CREATE INDEX audit_entry_task ON audit_entry (task_sid, occurred_at, id);
