-- Task TTL (TaskExpiry): finds the tasks still waiting for a worker whose Timeout (seconds since creation) passed.
-- The moment is taken in UTC so the expression is immutable and can be indexed; TaskRepository.claimExpired uses
-- exactly this expression.
CREATE INDEX task_ttl_due ON task (((date_created AT TIME ZONE 'UTC') + timeout * interval '1 second'))
    WHERE assignment_status IN ('pending', 'reserved');
