package org.opencc.compliance.erasure;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.opencc.compliance.fanout.ServiceStatus;

/**
 * An erasure request and where it stands in each service.
 *
 * @param status {@code pending} until every service answered, then {@code complete}
 * @param customers how many customer keys the request covers (the keys themselves are not shown)
 * @param attempts how many times the request was published (retries go to services that have not answered)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErasureStatus(
        @JsonProperty("request_id") String requestId,
        @JsonProperty("status") String status,
        @JsonProperty("customers") int customers,
        @JsonProperty("services") List<ServiceStatus> services,
        @JsonProperty("attempts") int attempts,
        @JsonProperty("requested_by") String requestedBy,
        @JsonProperty("requested_at") Instant requestedAt,
        @JsonProperty("completed_at") Instant completedAt) {}
