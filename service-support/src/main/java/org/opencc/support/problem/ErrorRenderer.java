package org.opencc.support.problem;

import io.opentelemetry.api.trace.Span;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a problem into a response. The default answers RFC 9457 {@code application/problem+json}; task-router
 * replaces it to answer Twilio's error JSON on TaskRouter paths.
 */
@ApplicationScoped
@DefaultBean
public class ErrorRenderer {
    public static final String PROBLEM_JSON = "application/problem+json";

    /**
     * @param path the request path, so a renderer may answer differently per API
     */
    public Response render(ProblemType type, String detail, java.util.List<FieldError> errors, String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri());
        body.put("title", type.title());
        body.put("status", type.status());
        if (detail != null) {
            body.put("detail", detail);
        }
        if (path != null) {
            body.put("instance", path);
        }
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        String traceId = Span.current().getSpanContext().getTraceId();
        if (Span.current().getSpanContext().isValid()) {
            body.put("traceId", traceId);
        }
        return Response.status(type.status()).type(PROBLEM_JSON).entity(body).build();
    }
}
