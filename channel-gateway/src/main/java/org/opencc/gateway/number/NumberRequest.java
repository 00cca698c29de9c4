package org.opencc.gateway.number;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Body of {@code PUT /v1/numbers/{e164}}; {@code region} and {@code expected_queue_sid} may be omitted. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NumberRequest(String workspaceSid, String workflowSid, String region, String expectedQueueSid) {}
