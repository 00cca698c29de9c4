package org.opencc.gateway.number;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/** A number mapping as the numbers API answers it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NumberResponse(String e164, String workspaceSid, String workflowSid, String region,
        String expectedQueueSid, Instant dateCreated, Instant dateUpdated) {

    static NumberResponse of(NumberMapping mapping) {
        return new NumberResponse(mapping.e164(), mapping.workspaceSid(), mapping.workflowSid(), mapping.region(),
                mapping.expectedQueueSid(), mapping.createdAt(), mapping.updatedAt());
    }

    /** Body of {@code GET /v1/numbers}. */
    public record Page(List<NumberResponse> numbers) {}
}
