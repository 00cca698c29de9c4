-- Legal holds, retention purges and each service's answer (README "Retention and legal hold").

-- A hold on one customer (pseudonymous key) or one interaction: while it is active (released_at null), no purge
-- touches their data. Several holds may name the same subject; it stays held while any of them is active.
CREATE TABLE legal_hold (
    id             TEXT        PRIMARY KEY,
    customer_key   TEXT,
    interaction_id TEXT,
    -- why (a matter, a ticket); free text, at most 500 characters
    reason         TEXT        NOT NULL,
    -- JWT subjects
    created_by     TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    released_by    TEXT,
    released_at    TIMESTAMPTZ,
    CONSTRAINT legal_hold_one_subject CHECK ((customer_key IS NULL) <> (interaction_id IS NULL)),
    CONSTRAINT legal_hold_release CHECK ((released_by IS NULL) = (released_at IS NULL))
);
CREATE INDEX legal_hold_created ON legal_hold (created_at, id);
CREATE INDEX legal_hold_active ON legal_hold (created_at) WHERE released_at IS NULL;

-- One retention.purge.requested of one data class, with the cutoffs it carried.
CREATE TABLE retention_purge (
    id                TEXT        PRIMARY KEY,
    data_class        TEXT        NOT NULL,
    policy_version    TEXT        NOT NULL,
    -- purge data created before: for customers of a country without its own cutoff, and per country
    default_cutoff    TIMESTAMPTZ NOT NULL,
    country_cutoffs   JSONB       NOT NULL,
    -- how many held customers and interactions the first publication spared
    held_customers    INTEGER     NOT NULL,
    held_interactions INTEGER     NOT NULL,
    requested_at      TIMESTAMPTZ NOT NULL,
    -- publications; retries go out while a service has not answered
    attempts          INTEGER     NOT NULL,
    last_published_at TIMESTAMPTZ NOT NULL,
    -- when the last expected service answered
    completed_at      TIMESTAMPTZ
);
-- at most one incomplete purge per data class: a run does not pile requests on a straggler (and two replicas
-- cannot both start one)
CREATE UNIQUE INDEX retention_purge_open ON retention_purge (data_class) WHERE completed_at IS NULL;
CREATE INDEX retention_purge_due ON retention_purge (last_published_at) WHERE completed_at IS NULL;
CREATE INDEX retention_purge_requested ON retention_purge (requested_at, id);

CREATE TABLE retention_purge_answer (
    purge_id    TEXT        NOT NULL REFERENCES retention_purge (id),
    service     TEXT        NOT NULL,
    records     BIGINT      NOT NULL,
    answered_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (purge_id, service)
);

-- One row per scheduled run slot (the start of its interval): the replica that inserts it runs, the others skip.
CREATE TABLE retention_run (
    slot       TIMESTAMPTZ PRIMARY KEY,
    started_at TIMESTAMPTZ NOT NULL
);
