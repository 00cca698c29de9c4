-- Refusal reasons take the names intake.refused publishes (contracts' IntakeRefused): one vocabulary for the table,
-- the event and the span's cc.failure.
UPDATE intake_refused SET reason = 'unmapped-number' WHERE reason = 'number-not-mapped';
UPDATE intake_refused SET reason = 'policy-residency' WHERE reason = 'region-not-served';
