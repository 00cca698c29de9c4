-- Hash chain over the audit trail (README "Audit chain"): every entry stores the hash of its predecessor
-- (prev_hash) and its own hash, SHA-256 over the canonical form below, so an edited, inserted or removed entry
-- is detectable by GET /v1/audit/verify. Entries written before this migration are chained here, in id order,
-- starting from the genesis marker (64 zeros): the whole table is covered, there is no unprotected prefix.
ALTER TABLE audit_entry
    ADD COLUMN prev_hash TEXT,
    ADD COLUMN hash      TEXT;

-- One field of the canonical form: '~' for null, else "<UTF-8 byte length>:<value>", so neither a null nor a
-- value containing a newline can be confused with another. Must stay identical to AuditChain.field (Java).
CREATE FUNCTION audit_chain_field(v TEXT) RETURNS TEXT IMMUTABLE LANGUAGE sql AS $$
    SELECT CASE WHEN v IS NULL THEN '~' ELSE octet_length(convert_to(v, 'UTF8')) || ':' || v END
$$;

-- Instants as ISO-8601 UTC with exactly six fraction digits (PostgreSQL keeps microseconds).
CREATE FUNCTION audit_chain_instant(t TIMESTAMPTZ) RETURNS TEXT IMMUTABLE LANGUAGE sql AS $$
    SELECT CASE WHEN t IS NULL THEN NULL ELSE to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') END
$$;

-- The canonical form of one entry (AuditChain.canonical is the reference; kept here so the migration, and an
-- auditor with psql, can compute the same bytes).
CREATE FUNCTION audit_chain_canonical(e audit_entry, prev TEXT) RETURNS TEXT IMMUTABLE LANGUAGE sql AS $$
    SELECT 'audit-entry/v1' || E'\n'
        || 'id=' || e.id || E'\n'
        || 'event_id=' || audit_chain_field(e.event_id) || E'\n'
        || 'topic=' || audit_chain_field(e.topic) || E'\n'
        || 'event_type=' || audit_chain_field(e.event_type) || E'\n'
        || 'subject=' || audit_chain_field(e.subject) || E'\n'
        || 'actor=' || audit_chain_field(e.actor) || E'\n'
        || 'interaction_id=' || audit_chain_field(e.interaction_id) || E'\n'
        || 'task_sid=' || audit_chain_field(e.task_sid) || E'\n'
        || 'worker_sid=' || audit_chain_field(e.worker_sid) || E'\n'
        || 'reservation_sid=' || audit_chain_field(e.reservation_sid) || E'\n'
        || 'trace_id=' || audit_chain_field(e.trace_id) || E'\n'
        || 'occurred_at=' || audit_chain_field(audit_chain_instant(e.occurred_at)) || E'\n'
        || 'recorded_at=' || audit_chain_field(audit_chain_instant(e.recorded_at)) || E'\n'
        || 'prev_hash=' || prev || E'\n'
$$;

DO $$
DECLARE
    entry audit_entry;
    prev  TEXT := repeat('0', 64);
    h     TEXT;
BEGIN
    -- the same lock the writer takes (AuditRepository.CHAIN_LOCK), in case a replica runs during the migration
    PERFORM pg_advisory_xact_lock(418581342580);
    FOR entry IN SELECT * FROM audit_entry ORDER BY id LOOP
        h := encode(sha256(convert_to(audit_chain_canonical(entry, prev), 'UTF8')), 'hex');
        UPDATE audit_entry SET prev_hash = prev, hash = h WHERE id = entry.id;
        prev := h;
    END LOOP;
END
$$;

ALTER TABLE audit_entry
    ALTER COLUMN prev_hash SET NOT NULL,
    ALTER COLUMN hash SET NOT NULL;

-- A fork (two entries appended on the same predecessor) cannot commit: the second one fails and is retried.
CREATE UNIQUE INDEX audit_entry_prev_hash ON audit_entry (prev_hash);
