package org.opencc.context.read;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.opencc.context.crm.SourceReport;

/**
 * The answer of {@code GET /v1/tasks/{taskSid}/context}.
 *
 * @param customer the merged profile, null when no source answered with one
 * @param sources how each CRM source did
 */
public record ContextResponse(
        @JsonProperty("task_sid") String taskSid,
        @JsonProperty("interaction_id") String interactionId,
        @JsonProperty("customer") @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, Object> customer,
        @JsonProperty("sources") List<SourceReport> sources,
        @JsonProperty("served_at") Instant servedAt) {}
