-- Consent records (POST /v1/consents): each row is signed by the service (Ed25519 over the canonical form
-- ConsentForms.record builds from every column but signature), so a row edited here no longer verifies
-- (GET /v1/consents/{id}/verification). The customer is known by the pseudonymous key only, never a number.
CREATE TABLE consent_record (
    id               TEXT        PRIMARY KEY,
    interaction_id   TEXT        NOT NULL,
    customer_key     TEXT        NOT NULL,
    -- recording | transcription
    scope            TEXT        NOT NULL,
    -- keypress | verbal | web-form
    method           TEXT        NOT NULL,
    granted          BOOLEAN     NOT NULL,
    -- the JWT subject, the role it captured under, and an agent's worker
    captured_by      TEXT        NOT NULL,
    captured_by_role TEXT        NOT NULL,
    worker_sid       TEXT,
    captured_at      TIMESTAMPTZ NOT NULL,
    policy_version   TEXT        NOT NULL,
    -- Ed25519; key_id = hex SHA-256 of the public key's DER (GET /v1/consents/keys); signature in base64
    algorithm        TEXT        NOT NULL,
    key_id           TEXT        NOT NULL,
    signature        TEXT        NOT NULL
);

-- a recording decision reads the customer's latest recording consent event
CREATE INDEX consent_record_customer ON consent_record (customer_key, scope, captured_at);

-- A revocation is a signed record of its own (ConsentForms.revocation, which signs the consent's signature too), so
-- the consent's row stays as signed. One per consent: the primary key refuses a second.
CREATE TABLE consent_revocation (
    consent_id      TEXT        PRIMARY KEY REFERENCES consent_record (id),
    -- how the customer withdrew it, when said
    method          TEXT,
    revoked_by      TEXT        NOT NULL,
    revoked_by_role TEXT        NOT NULL,
    worker_sid      TEXT,
    revoked_at      TIMESTAMPTZ NOT NULL,
    policy_version  TEXT        NOT NULL,
    algorithm       TEXT        NOT NULL,
    key_id          TEXT        NOT NULL,
    signature       TEXT        NOT NULL
);

-- A decision may name the customer (optional customer_key in the request); consent_id is the consent whose latest
-- event counted (a revocation: not recorded). Both null for decisions without a customer.
ALTER TABLE recording_decision
    ADD COLUMN customer_key TEXT,
    ADD COLUMN consent_id   TEXT;
