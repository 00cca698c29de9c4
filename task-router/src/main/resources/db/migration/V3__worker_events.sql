-- A worker's event stream (reservation and activity changes), written in the transaction of the change so
-- every replica's desktop streams can replay it; pruned after a day. No foreign key to worker: the log
-- outlives the worker row for its retention.
CREATE TABLE worker_event (
    worker_sid TEXT        NOT NULL,
    seq        BIGINT      NOT NULL,
    type       TEXT        NOT NULL,
    payload    TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (worker_sid, seq)
);

CREATE INDEX worker_event_created_at ON worker_event (created_at);

-- The last sequence number handed out per worker. Its row lock serializes a worker's appends until commit,
-- so sequence numbers become visible in order and a stream reading "after N" never skips one. Never pruned:
-- numbers keep increasing even when every event of a worker has been pruned.
CREATE TABLE worker_event_seq (
    worker_sid TEXT PRIMARY KEY,
    last_seq   BIGINT NOT NULL
);
