-- The customer's interaction history in every context document (last 20 interactions or 90 days), folded from
-- cc.interactions.v1 (interaction) and cc.tasks.v1 (task: queue, worker, outcome). Ids, channel and outcome only:
-- no personal data.
CREATE TABLE interaction (
    interaction_id TEXT        PRIMARY KEY,
    -- pseudonymous key the gateway derives; null when the interaction had no customer address
    customer_key   TEXT,
    channel        TEXT        NOT NULL,
    workspace_sid  TEXT,
    -- the deployment region of the number: supervisors read context of their own region only
    region         TEXT,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX interaction_customer ON interaction (customer_key, created_at DESC);

-- the task's attributes (JSON text, no personal data by contract) for sources' path templates
ALTER TABLE task ADD COLUMN attributes TEXT;
-- the queue it waited in, the worker who accepted it, how it ended
ALTER TABLE task ADD COLUMN task_queue_sid TEXT;
ALTER TABLE task ADD COLUMN worker_sid TEXT;
ALTER TABLE task ADD COLUMN outcome TEXT CHECK (outcome IN ('completed', 'canceled'));
ALTER TABLE task ADD COLUMN outcome_reason TEXT;
ALTER TABLE task ADD COLUMN ended_at TIMESTAMPTZ;
CREATE INDEX task_interaction ON task (interaction_id, created_at DESC);
