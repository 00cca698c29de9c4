package org.opencc.contracts.context;

import java.time.Instant;
import java.util.List;

/**
 * A context read was answered (within its budget, possibly partly). Producer: agent-context. Consumers:
 * compliance-service (audit: who read which fields of whose context), reporting-service (journey: which CRM was
 * late).
 *
 * @param readId id of this read ({@code CX} + 32 hex), also in the read's log line and span
 * @param taskSid the task read, null for a supervisor's read by customer key
 * @param interactionId the task's interaction, null without one
 * @param fields the document's members served, as paths ({@code customer.name}, {@code records.orders}); names only,
 *     never values
 * @param maskedFields the members served masked (sensitive to the reader's role)
 * @param partial whether any source's answer is missing or stale
 * @param budgetMs the read's budget
 * @param elapsedMs how long the read took
 */
public record ContextServed(
        String readId,
        String taskSid,
        String interactionId,
        String customerKey,
        Reader reader,
        List<String> fields,
        List<String> maskedFields,
        List<SourceOutcome> sources,
        boolean partial,
        int budgetMs,
        long elapsedMs,
        Instant servedAt)
        implements ContextEvent {
    public static final String TYPE = "context.served";

    @Override
    public String type() {
        return TYPE;
    }
}
