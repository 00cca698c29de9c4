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

    /** Records a named failure ({@code cc.failure}) and sets the span's status to error. */
    public static void failure(Span span, String failure) {
        span.setAttribute(SpanKeys.FAILURE, failure);
        span.setStatus(StatusCode.ERROR, failure);
    }
}
