package org.opencc.context.crm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * How one source did in one context read ({@code sources[]} of the answer).
 *
 * @param latencyMs from the start of the read until the source answered, or until the budget ran out; 0 when the
 *     answer came from the cache
 * @param detail a short reason when the status is not {@code ok}; never personal data
 * @param fetchedAt when the answer was fetched, only for answers served from the cache ({@code ok} or
 *     {@code stale})
 * @param ageMs age of the cached answer at the time of the read, only with {@code fetchedAt}
 */
public record SourceReport(
        @JsonProperty("name") String name,
        @JsonProperty("status") SourceStatus status,
        @JsonProperty("required") boolean required,
        @JsonProperty("latency_ms") long latencyMs,
        @JsonProperty("detail") @JsonInclude(JsonInclude.Include.NON_NULL) String detail,
        @JsonProperty("fetched_at") @JsonInclude(JsonInclude.Include.NON_NULL) Instant fetchedAt,
        @JsonProperty("age_ms") @JsonInclude(JsonInclude.Include.NON_NULL) Long ageMs) {

    /** A report of a live call, not served from the cache. */
    public SourceReport(String name, SourceStatus status, boolean required, long latencyMs, String detail) {
        this(name, status, required, latencyMs, detail, null, null);
    }

    /** Whether the read got something from the source, fresh or stale. */
    public boolean answered() {
        return status == SourceStatus.OK || status == SourceStatus.STALE;
    }
}
