-- The queue a number's interactions are expected to land in (WQ sid), optional. It travels in
-- interaction.created as expected_queue_sid; a journey whose task lands in another queue is a misroute.
ALTER TABLE numbers ADD COLUMN expected_queue_sid TEXT;
