package org.opencc.compliance.retention;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.opencc.compliance.fanout.ServiceStatus;

/**
 * A retention purge as the report shows it: what was purged (data class, records per service), when, by which
 * policy, with which cutoffs, and how many holds spared.
 *
 * @param status {@code pending} until every service answered, then {@code complete}
 * @param heldCustomers customers under a legal hold when it was requested: none of their data was purged
 * @param heldInteractions interactions under a legal hold when it was requested
 * @param records what the services answered so far, in all
 * @param attempts how many times the purge was published (retries go out while a service has not answered)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PurgeStatus(
        @JsonProperty("purge_id") String purgeId,
        @JsonProperty("data_class") String dataClass,
        @JsonProperty("policy_version") String policyVersion,
        @JsonProperty("status") String status,
        @JsonProperty("default_cutoff") Instant defaultCutoff,
        @JsonProperty("country_cutoffs") Map<String, Instant> countryCutoffs,
        @JsonProperty("held_customers") int heldCustomers,
        @JsonProperty("held_interactions") int heldInteractions,
        @JsonProperty("records") long records,
        @JsonProperty("services") List<ServiceStatus> services,
        @JsonProperty("attempts") int attempts,
        @JsonProperty("requested_at") Instant requestedAt,
        @JsonProperty("completed_at") Instant completedAt) {}
