package org.opencc.context.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One past or current interaction of the customer, as this project saw it (never a CRM's data).
 *
 * @param outcome {@code completed} or {@code canceled} (the task ended), {@code assigned} (a worker accepted it and
 *     it goes on), {@code waiting} (not accepted yet), or {@code no-task} (no task seen for it yet)
 * @param outcomeReason the reason given when the task ended, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryEntry(
        @JsonProperty("interaction_id") String interactionId,
        @JsonProperty("channel") String channel,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("task_sid") String taskSid,
        @JsonProperty("task_queue_sid") String taskQueueSid,
        @JsonProperty("worker_sid") String workerSid,
        @JsonProperty("outcome") String outcome,
        @JsonProperty("outcome_reason") String outcomeReason,
        @JsonProperty("ended_at") Instant endedAt) {}
