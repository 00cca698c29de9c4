package org.opencc.taskrouter.callback;

import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.opencc.contracts.DomainEvent;
import org.opencc.contracts.SpanKeys;
import org.opencc.contracts.task.CallbackFailed;
import org.opencc.support.consumer.InboundEvent;

/**
 * Calls the workspace's {@code event_callback_url} for each task, reservation and worker event its
 * {@code events_filter} lets through. The answer is not interpreted (Twilio expects a 204); a failure is recorded
 * and published as {@code callback.failed}. That event is on cc.tasks.v1 too but is task-router's own report, not
 * a TaskRouter event: it is never called back (whatever the filter says), or a failing URL would feed itself.
 */
@ApplicationScoped
public class EventCallbacks {
    private static final Logger LOG = Logger.getLogger(EventCallbacks.class);
    private final CallbackParameters parameters;
    private final CallbackIntents intents;
    private final CallbackClient client;

    public EventCallbacks(CallbackParameters parameters, CallbackIntents intents, CallbackClient client) {
        this.parameters = parameters;
        this.intents = intents;
        this.client = client;
    }

    public void handle(InboundEvent inbound) {
        if (inbound.event().isEmpty() || !calledBack(inbound.event().get())) {
            return;
        }
        Optional<CallbackIntent> found = parameters.event(inbound.id(), inbound.event().get());
        if (found.isEmpty()) {
            return;
        }
        CallbackIntent intent = found.get();
        if (!intents.claim(intent)) {
            Span.current().setAttribute(SpanKeys.DUPLICATE, true);
            LOG.debugf("event callback for event %s already made; skipping the redelivery", inbound.id());
            return;
        }
        CallbackOutcome outcome = client.post(intent.url(), intent.params(), intent.taskSid(),
                intent.idempotencyToken());
        if (outcome.succeeded()) {
            intents.finish(intent, CallbackIntents.SENT, outcome.attempts(), "primary", outcome.status(), null,
                    null);
        } else {
            intents.fail(intent, intent.url(), outcome, outcome.attempts(), "primary", outcome.failure());
        }
    }

    /** Whether an event on the topics is one a workspace may be called back about: not a callback failure. */
    static boolean calledBack(DomainEvent event) {
        return !(event instanceof CallbackFailed);
    }
}
