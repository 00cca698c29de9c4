-- Conversations: an SMS/WhatsApp interaction stays open for more messages until it has been idle for
-- cc.gateway.conversation-idle or it ends; every message of it, either way, is a row of `message`.

-- last_message_at: the last message either way (idle timeout); last_inbound_at: the customer's last message
-- (WhatsApp's 24-hour customer-care window); ended_at: the task completed or was canceled.
ALTER TABLE interaction ADD COLUMN last_message_at TIMESTAMPTZ;
ALTER TABLE interaction ADD COLUMN last_inbound_at TIMESTAMPTZ;
ALTER TABLE interaction ADD COLUMN ended_at TIMESTAMPTZ;
UPDATE interaction SET last_message_at = created_at, last_inbound_at = created_at;
ALTER TABLE interaction ALTER COLUMN last_message_at SET NOT NULL;

-- finding the open conversation of (customer, our number, channel)
CREATE INDEX interaction_conversation ON interaction (customer_address, to_number, channel, last_message_at DESC)
    WHERE ended_at IS NULL;

-- One message of an interaction. Inbound rows are keyed by Twilio's MessageSid (a retried webhook finds its row);
-- outbound rows are intents first: inserted `queued` with an idempotency key and committed before Twilio is
-- called, then `sent` with Twilio's sid or `failed`; Twilio's status callbacks move them on by status_rank
-- only, so an older status never overwrites a newer one.
CREATE TABLE message (
    id              TEXT        PRIMARY KEY,
    interaction_id  TEXT        NOT NULL REFERENCES interaction (id),
    direction       TEXT        NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    body            TEXT,
    provider_sid    TEXT        UNIQUE,
    status          TEXT        NOT NULL,
    status_rank     SMALLINT    NOT NULL,
    idempotency_key TEXT,
    created_by      TEXT,
    error_code      INTEGER,
    error_message   TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (interaction_id, idempotency_key)
);
CREATE INDEX message_interaction ON message (interaction_id, created_at);

-- the first message of every existing interaction
INSERT INTO message (id, interaction_id, direction, body, provider_sid, status, status_rank, created_at, updated_at)
SELECT 'IM' || md5(id), id, 'inbound', body, provider_sid, 'received', 0, created_at, created_at FROM interaction;
