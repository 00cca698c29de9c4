-- Recording decisions (POST /v1/recording-decisions): inputs as countries and subdivisions only, never the
-- numbers, so the table holds no personal data; the policy version says which rules decided.
CREATE TABLE recording_decision (
    id               TEXT        PRIMARY KEY,
    channel          TEXT        NOT NULL,
    region           TEXT        NOT NULL,
    from_country     TEXT,
    from_subdivision TEXT,
    to_country       TEXT,
    to_subdivision   TEXT,
    record           BOOLEAN     NOT NULL,
    -- none | one-party | all-party
    consent_required TEXT        NOT NULL,
    announcement     TEXT,
    policy_version   TEXT        NOT NULL,
    -- each party's jurisdiction and the steps of the decision, as answered
    jurisdictions    JSONB       NOT NULL,
    reasons          JSONB       NOT NULL,
    -- the JWT subject that asked (the gateway's service token)
    decided_by       TEXT        NOT NULL,
    decided_at       TIMESTAMPTZ NOT NULL
);
