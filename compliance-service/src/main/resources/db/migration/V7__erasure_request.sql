-- Erasure requests (right to be forgotten) and each service's answer. Only pseudonymous customer keys are kept:
-- the phone numbers and e-mail addresses a request names are turned into keys and never stored.
CREATE TABLE erasure_request (
    id                TEXT        PRIMARY KEY,
    -- SHA-256 of the sorted customer keys: the same customers asked twice are one request
    fingerprint       TEXT        NOT NULL UNIQUE,
    customer_keys     TEXT[]      NOT NULL,
    -- the JWT subject that asked
    requested_by      TEXT        NOT NULL,
    requested_at      TIMESTAMPTZ NOT NULL,
    -- publications of erasure.requested; retries go out while a service has not answered
    attempts          INTEGER     NOT NULL,
    last_published_at TIMESTAMPTZ NOT NULL,
    -- when the last expected service answered
    completed_at      TIMESTAMPTZ
);
CREATE INDEX erasure_request_due ON erasure_request (last_published_at) WHERE completed_at IS NULL;

CREATE TABLE erasure_answer (
    request_id  TEXT        NOT NULL REFERENCES erasure_request (id),
    service     TEXT        NOT NULL,
    records     BIGINT      NOT NULL,
    answered_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (request_id, service)
);
