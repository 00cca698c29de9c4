package org.opencc.context.assignment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.opencc.context.crm.ContextSubject;
import org.opencc.contracts.EventCodec;

/**
 * What agent-context knows about a task from {@code cc.tasks.v1}.
 *
 * @param customerKey pseudonymous customer key from the task's attributes, null if it has none
 * @param rootTraceparent traceparent of {@code task.created}, a span in the interaction's trace
 * @param attributes the task's attributes as JSON text, null if unknown
 * @param status {@code open} or {@code ended}
 * @param region the region of the task's interaction, null when unknown
 */
public record TaskView(String taskSid, String workspaceSid, String interactionId, String customerKey,
        String channel, String rootTraceparent, String attributes, String status, String region) {

    /** What a context read of this task asks the sources for. */
    public ContextSubject subject() {
        JsonNode parsed = null;
        if (attributes != null) {
            try {
                parsed = EventCodec.mapper().readTree(attributes);
            } catch (IOException e) {
                parsed = null; // attributes set through the REST API may be anything: templates just lack them
            }
        }
        return new ContextSubject(taskSid, interactionId, workspaceSid, channel, customerKey, parsed);
    }
}
