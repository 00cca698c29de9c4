-- Webhooks whose signature did not verify, by the MessageSid they claimed (only a well-formed SM/MM sid is kept;
-- nothing else of a forged request is trusted or stored). The first request claiming a sid publishes
-- intake.refused (bad-signature); later ones only count here, so however often one sid is replayed it writes
-- one event. Each distinct sid still writes one row: rate-limit the webhook at the ingress.
CREATE TABLE intake_forged (
    message_sid TEXT        PRIMARY KEY,
    first_at    TIMESTAMPTZ NOT NULL,
    last_at     TIMESTAMPTZ NOT NULL,
    attempts    BIGINT      NOT NULL
);
