-- TaskChannels and WorkerChannels as TaskRouter resources, and the history of every workflow configuration.

ALTER TABLE task_channel ADD COLUMN channel_optimized_routing BOOLEAN NOT NULL DEFAULT FALSE;

-- A WorkerChannel has its own SID (WC…) and dates in TaskRouter; the defaults cover rows written by code that
-- knows only (worker_sid, task_channel, capacity).
ALTER TABLE worker_channel
    ADD COLUMN sid          TEXT        NOT NULL DEFAULT ('WC' || md5(random()::text || clock_timestamp()::text)),
    ADD COLUMN date_created TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN date_updated TIMESTAMPTZ NOT NULL DEFAULT now();
CREATE UNIQUE INDEX worker_channel_sid ON worker_channel (sid);

-- Each configuration a workflow has had. `version` is the workflow's date_updated when it took effect: the value
-- routing_decision.workflow_version records, so a decision joins to the configuration that made it.
CREATE TABLE workflow_version (
    workflow_sid             TEXT        NOT NULL REFERENCES workflow (sid) ON DELETE CASCADE,
    version                  TIMESTAMPTZ NOT NULL,
    number                   INT         NOT NULL,
    friendly_name            TEXT        NOT NULL,
    configuration            TEXT        NOT NULL,
    task_reservation_timeout INT         NOT NULL,
    PRIMARY KEY (workflow_sid, version),
    UNIQUE (workflow_sid, number)
);
INSERT INTO workflow_version (workflow_sid, version, number, friendly_name, configuration, task_reservation_timeout)
SELECT sid, date_updated, 1, friendly_name, configuration, task_reservation_timeout FROM workflow;

-- A deleted workflow leaves its finished tasks behind, naming it as Twilio's do; live tasks block the delete.
ALTER TABLE task DROP CONSTRAINT IF EXISTS task_workflow_sid_fkey;
