package org.opencc.compliance.fanout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One service's part of an erasure request or a retention purge.
 *
 * @param status {@code pending} until the service answered, then {@code done}
 * @param records how many records it erased, anonymised, deleted or redacted (absent while pending)
 * @param answeredAt when it did (absent while pending)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceStatus(
        @JsonProperty("service") String service,
        @JsonProperty("status") String status,
        @JsonProperty("records") Long records,
        @JsonProperty("answered_at") Instant answeredAt) {}
