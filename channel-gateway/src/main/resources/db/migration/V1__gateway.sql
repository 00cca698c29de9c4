-- The gateway's own tables. Phone numbers and message bodies live here and nowhere else (not in events, spans
-- or logs), so erasure has one place to look.

-- Which TaskRouter workspace and workflow a dialled number of ours routes to.
CREATE TABLE numbers (
    e164          TEXT        PRIMARY KEY,
    workspace_sid TEXT        NOT NULL,
    workflow_sid  TEXT        NOT NULL,
    region        TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

-- One customer interaction (a message thread, a call, a chat). provider_sid is unique: Twilio's retries of a
-- webhook find the row and create nothing new.
CREATE TABLE interaction (
    id               TEXT        PRIMARY KEY,
    channel          TEXT        NOT NULL,
    provider_sid     TEXT        NOT NULL UNIQUE,
    customer_address TEXT        NOT NULL,
    to_number        TEXT        NOT NULL,
    body             TEXT,
    customer_key     TEXT        NOT NULL,
    country          TEXT,
    workspace_sid    TEXT        NOT NULL,
    workflow_sid     TEXT        NOT NULL,
    region           TEXT        NOT NULL,
    status           TEXT        NOT NULL,
    task_sid         TEXT,
    worker_sid       TEXT,
    root_traceparent TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);

-- Messages to numbers we do not route: answered politely, remembered so a retry answers the same.
CREATE TABLE intake_refused (
    message_sid TEXT        PRIMARY KEY,
    to_number   TEXT        NOT NULL,
    reason      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
