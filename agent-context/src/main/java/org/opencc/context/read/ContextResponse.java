package org.opencc.context.read;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.opencc.context.crm.SourceReport;
import org.opencc.context.history.HistoryEntry;

/**
 * The context document ({@code GET /v1/tasks/{taskSid}/context}, {@code GET /v1/customers/{customerKey}/context}).
 *
 * @param readId id of this read, in its audit event ({@code context.served}) and span
 * @param taskSid null for a read by customer key
 * @param customer the merged profile of the {@code into=customer} sources, null when none answered
 * @param records each {@code into=records} source's answer by section, only those that answered
 * @param history this project's own interactions with the customer, newest first
 * @param sources how each source did
 * @param budgetMs the budget the read ran under (the caller's {@code budget_ms}, capped)
 * @param partial whether any source's answer is missing or stale
 * @param missingRequired required sources that gave nothing, not even a stale answer
 * @param maskedFields members masked for the caller's role
 */
public record ContextResponse(
        @JsonProperty("read_id") String readId,
        @JsonProperty("task_sid") String taskSid,
        @JsonProperty("interaction_id") String interactionId,
        @JsonProperty("customer_key") String customerKey,
        @JsonProperty("customer") @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, Object> customer,
        @JsonProperty("records") Map<String, Object> records,
        @JsonProperty("history") List<HistoryEntry> history,
        @JsonProperty("sources") List<SourceReport> sources,
        @JsonProperty("budget_ms") int budgetMs,
        @JsonProperty("partial") boolean partial,
        @JsonProperty("missing_required") List<String> missingRequired,
        @JsonProperty("masked_fields") List<String> maskedFields,
        @JsonProperty("served_at") Instant servedAt) {}
