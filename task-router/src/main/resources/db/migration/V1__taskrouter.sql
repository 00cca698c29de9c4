-- TaskRouter resources. SIDs are TaskRouter's: two-letter prefix + 32 hex.

CREATE TABLE workspace (
    sid                    TEXT PRIMARY KEY,
    friendly_name          TEXT        NOT NULL,
    event_callback_url     TEXT,
    events_filter          TEXT,
    default_activity_sid   TEXT,
    timeout_activity_sid   TEXT,
    multi_task_enabled     BOOLEAN     NOT NULL DEFAULT TRUE,
    prioritize_queue_order TEXT        NOT NULL DEFAULT 'FIFO',
    date_created           TIMESTAMPTZ NOT NULL,
    date_updated           TIMESTAMPTZ NOT NULL
);

CREATE TABLE activity (
    sid           TEXT PRIMARY KEY,
    workspace_sid TEXT        NOT NULL REFERENCES workspace (sid) ON DELETE CASCADE,
    friendly_name TEXT        NOT NULL,
    available     BOOLEAN     NOT NULL,
    date_created  TIMESTAMPTZ NOT NULL,
    date_updated  TIMESTAMPTZ NOT NULL,
    UNIQUE (workspace_sid, friendly_name)
);

CREATE TABLE task_channel (
    sid           TEXT PRIMARY KEY,
    workspace_sid TEXT        NOT NULL REFERENCES workspace (sid) ON DELETE CASCADE,
    unique_name   TEXT        NOT NULL,
    friendly_name TEXT        NOT NULL,
    date_created  TIMESTAMPTZ NOT NULL,
    date_updated  TIMESTAMPTZ NOT NULL,
    UNIQUE (workspace_sid, unique_name)
);

CREATE TABLE task_queue (
    sid                      TEXT PRIMARY KEY,
    workspace_sid            TEXT        NOT NULL REFERENCES workspace (sid) ON DELETE CASCADE,
    friendly_name            TEXT        NOT NULL,
    target_workers           TEXT        NOT NULL,
    max_reserved_workers     INT         NOT NULL,
    task_order               TEXT        NOT NULL,
    reservation_activity_sid TEXT,
    assignment_activity_sid  TEXT,
    date_created             TIMESTAMPTZ NOT NULL,
    date_updated             TIMESTAMPTZ NOT NULL,
    UNIQUE (workspace_sid, friendly_name)
);

CREATE TABLE workflow (
    sid                              TEXT PRIMARY KEY,
    workspace_sid                    TEXT        NOT NULL REFERENCES workspace (sid) ON DELETE CASCADE,
    friendly_name                    TEXT        NOT NULL,
    configuration                    TEXT        NOT NULL,
    assignment_callback_url          TEXT,
    fallback_assignment_callback_url TEXT,
    task_reservation_timeout         INT         NOT NULL,
    date_created                     TIMESTAMPTZ NOT NULL,
    date_updated                     TIMESTAMPTZ NOT NULL
);

CREATE TABLE worker (
    sid                 TEXT PRIMARY KEY,
    workspace_sid       TEXT        NOT NULL REFERENCES workspace (sid) ON DELETE CASCADE,
    friendly_name       TEXT        NOT NULL,
    attributes          TEXT        NOT NULL,
    activity_sid        TEXT        NOT NULL REFERENCES activity (sid),
    last_assigned_at    TIMESTAMPTZ,
    date_status_changed TIMESTAMPTZ NOT NULL,
    date_created        TIMESTAMPTZ NOT NULL,
    date_updated        TIMESTAMPTZ NOT NULL,
    UNIQUE (workspace_sid, friendly_name)
);

-- Capacity per worker and task channel. `assigned` only moves through conditional updates
-- (assigned < capacity), so no replica can exceed a worker's capacity.
CREATE TABLE worker_channel (
    worker_sid   TEXT NOT NULL REFERENCES worker (sid) ON DELETE CASCADE,
    task_channel TEXT NOT NULL,
    capacity     INT  NOT NULL CHECK (capacity >= 0),
    assigned     INT  NOT NULL DEFAULT 0 CHECK (assigned >= 0),
    available    BOOLEAN NOT NULL DEFAULT TRUE,
    PRIMARY KEY (worker_sid, task_channel)
);

CREATE TABLE task (
    sid               TEXT PRIMARY KEY,
    workspace_sid     TEXT        NOT NULL REFERENCES workspace (sid) ON DELETE CASCADE,
    workflow_sid      TEXT        NOT NULL REFERENCES workflow (sid),
    task_queue_sid    TEXT,
    task_channel      TEXT        NOT NULL,
    attributes        TEXT        NOT NULL,
    assignment_status TEXT        NOT NULL,
    priority          INT         NOT NULL,
    timeout           INT         NOT NULL,
    reason            TEXT,
    interaction_id    TEXT UNIQUE,
    root_traceparent  TEXT,
    queue_entered_at  TIMESTAMPTZ,
    date_created      TIMESTAMPTZ NOT NULL,
    date_updated      TIMESTAMPTZ NOT NULL
);
CREATE INDEX task_pending ON task (workspace_sid, priority DESC, date_created) WHERE assignment_status = 'pending';

CREATE TABLE reservation (
    sid                TEXT PRIMARY KEY,
    workspace_sid      TEXT        NOT NULL REFERENCES workspace (sid) ON DELETE CASCADE,
    task_sid           TEXT        NOT NULL REFERENCES task (sid) ON DELETE CASCADE,
    worker_sid         TEXT        NOT NULL REFERENCES worker (sid) ON DELETE CASCADE,
    task_queue_sid     TEXT,
    task_channel       TEXT        NOT NULL,
    reservation_status TEXT        NOT NULL,
    timeout_at         TIMESTAMPTZ NOT NULL,
    date_created       TIMESTAMPTZ NOT NULL,
    date_updated       TIMESTAMPTZ NOT NULL
);
-- a task is reserved to at most one worker at a time
CREATE UNIQUE INDEX reservation_one_live_per_task ON reservation (task_sid)
    WHERE reservation_status IN ('pending', 'accepted');
CREATE INDEX reservation_pending_timeout ON reservation (timeout_at) WHERE reservation_status = 'pending';
CREATE INDEX reservation_worker ON reservation (worker_sid, date_created);

-- Why each task went where it went: one row per routing attempt.
CREATE TABLE routing_decision (
    id                BIGSERIAL PRIMARY KEY,
    task_sid          TEXT        NOT NULL REFERENCES task (sid) ON DELETE CASCADE,
    workflow_sid      TEXT        NOT NULL,
    workflow_version  TIMESTAMPTZ NOT NULL,
    matched_filter    TEXT,
    task_queue_sid    TEXT,
    chosen_worker_sid TEXT,
    detail            TEXT        NOT NULL,
    decided_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX routing_decision_task ON routing_decision (task_sid, id);
