package org.opencc.support.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import org.opencc.contracts.SpanKeys;
import org.opencc.contracts.Stage;

/** Sets the {@code cc.*} attributes on spans; no personal data ever goes through here. */
public final class StageSpans {
    private StageSpans() {}

    /** Marks the current span as doing work for a stage of an interaction. */
    public static Span current(Stage stage) {
        Span span = Span.current();
        span.setAttribute(SpanKeys.STAGE, stage.value());
        return span;
    }

    /** Sets an id attribute when the value is present. */
    public static void id(Span span, String key, String value) {
        if (value != null) {
            span.setAttribute(key, value);
        }
    }

    /**
     * Ties a span of a later request (an accept, a context read, a status callback) to the interaction it acts on:
     * sets {@code cc.interaction_id} and links to the interaction's root span context, which the gateway and
     * task-router store. A missing or malformed traceparent adds no link.
     */
    public static void linkToInteraction(Span span, String interactionId, String rootTraceparent) {
        id(span, SpanKeys.INTERACTION_ID, interactionId);
        TraceParent.parse(rootTraceparent).ifPresent(root -> span.addLink(root,
                io.opentelemetry.api.common.Attributes.of(LINK_KIND, "interaction-root")));
    }

    private static final io.opentelemetry.api.common.AttributeKey<String> LINK_KIND =
            io.opentelemetry.api.common.AttributeKey.stringKey("cc.link");

    /** Records a named failure ({@code cc.failure}) and sets the span's status to error. */
    public static void failure(Span span, String failure) {
        span.setAttribute(SpanKeys.FAILURE, failure);
        span.setStatus(StatusCode.ERROR, failure);
    }
}
