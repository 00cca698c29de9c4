package org.opencc.context.crm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How one source did in one context read ({@code sources[]} of the answer).
 *
 * @param latencyMs from the start of the fan-out until the source answered, or until it was given up on
 * @param detail a short reason when the status is not {@code ok}
 */
public record SourceReport(
        @JsonProperty("name") String name,
        @JsonProperty("status") SourceStatus status,
        @JsonProperty("latency_ms") long latencyMs,
        @JsonProperty("detail") @JsonInclude(JsonInclude.Include.NON_NULL) String detail) {}
