-- Context reads (cc.context.v1) are audited as who read what: the reader's JWT subject goes in actor (as a
-- recording decision's caller already does), the role it read under in actor_role, and what was read in detail:
-- member paths, masked paths, each source's name and status, the read id; names only, never values.
ALTER TABLE audit_entry
    ADD COLUMN actor_role TEXT,
    ADD COLUMN detail     JSONB;

-- GET /v1/audit?actor=… lists one reader's (or service's) entries by occurred_at, then id
CREATE INDEX audit_entry_actor ON audit_entry (actor, occurred_at, id);

-- The canonical form (AuditChain.canonical is the reference). An entry with neither actor_role nor detail, which
-- is every entry written before this migration, keeps the form V3 defined, byte for byte, so its stored hash
-- still verifies. Any other entry is hashed in form v2: the v1 lines, then actor_role and detail (the jsonb as
-- PostgreSQL renders it, detail::text, which is also what the writer hashes), then prev_hash. Nulling both
-- columns of a v2 entry changes its form, hence its hash: the edit is detected like any other.
CREATE OR REPLACE FUNCTION audit_chain_canonical(e audit_entry, prev TEXT) RETURNS TEXT IMMUTABLE LANGUAGE sql AS $$
    SELECT CASE WHEN e.actor_role IS NULL AND e.detail IS NULL THEN 'audit-entry/v1' ELSE 'audit-entry/v2' END
        || E'\n'
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
        || CASE WHEN e.actor_role IS NULL AND e.detail IS NULL THEN ''
                ELSE 'actor_role=' || audit_chain_field(e.actor_role) || E'\n'
                     || 'detail=' || audit_chain_field(e.detail::text) || E'\n' END
        || 'prev_hash=' || prev || E'\n'
$$;
