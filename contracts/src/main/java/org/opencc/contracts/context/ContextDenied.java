package org.opencc.contracts.context;

import java.time.Instant;

/**
 * A context read was refused because the reader may not see the task (403); reads of unknown tasks (404) and
 * malformed requests (400) are not events. Producer: agent-context. Consumer: compliance-service (audit).
 *
 * @param reason why, e.g. {@code no pending or accepted reservation of the task names the worker}
 */
public record ContextDenied(String readId, String taskSid, String customerKey, Reader reader, String reason,
        Instant occurredAt) implements ContextEvent {
    public static final String TYPE = "context.denied";

    @Override
    public String type() {
        return TYPE;
    }
}
