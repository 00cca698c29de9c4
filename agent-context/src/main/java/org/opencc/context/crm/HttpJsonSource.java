package org.opencc.context.crm;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.opencc.contracts.SpanKeys;
import org.opencc.contracts.Stage;
import org.opencc.support.tracing.StageSpans;
import org.opencc.support.tracing.TraceParent;

/**
 * The generic connector: {@code GET <url><path>} with {@code Accept: application/json} and the source's secret
 * header, through the JDK's asynchronous HTTP client. The whole call (connect, headers, body) is bounded by the
 * source's timeout, and the body by its size limit; a status other than 200 or 404, another content type, a body
 * that is not JSON, or a connection that never finishes is the source's {@code error} or {@code timeout}, never the
 * read's. Each call is a client span {@code crm <name>} with {@code cc.stage=crm}, {@code cc.crm.source},
 * {@code cc.crm.status} and {@code cc.crm.latency_ms}.
 */
public final class HttpJsonSource implements CrmSource {
    static final String SOURCE = "cc.crm.source";
    static final String OUTCOME = "cc.crm.status";
    static final String LATENCY = "cc.crm.latency_ms";

    private final SourceDefinition definition;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Tracer tracer;

    public HttpJsonSource(SourceDefinition definition, HttpClient http, ObjectMapper json, Tracer tracer) {
        this.definition = definition;
        this.http = http;
        this.json = json;
        this.tracer = tracer;
    }

    @Override
    public SourceDefinition definition() {
        return definition;
    }

    @Override
    public CompletableFuture<Profile> fetch(ContextSubject subject) {
        URI uri;
        try {
            uri = definition.uri(subject);
        } catch (PathTemplate.MissingVariable e) {
            return CompletableFuture.failedFuture(new CrmFailure(SourceStatus.SKIPPED, e.getMessage()));
        }
        long start = System.nanoTime();
        Span span = tracer.spanBuilder("crm " + definition.name()).setParent(Context.current())
                .setSpanKind(SpanKind.CLIENT).setAttribute(SpanKeys.STAGE, Stage.CRM.value())
                .setAttribute(SOURCE, definition.name()).startSpan();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(definition.timeout())
                .header("Accept", "application/json").GET();
        definition.auth().ifPresent(header -> request.header(header.name(), header.value()));
        TraceParent.format(span.getSpanContext()).ifPresent(value -> request.header("traceparent", value));

        CompletableFuture<Profile> result = new CompletableFuture<>();
        CompletableFuture<HttpResponse<byte[]>> call =
                http.sendAsync(request.build(), new BoundedJsonBody(definition.maxBodyBytes()));
        call.whenComplete((response, error) -> {
            if (error != null) {
                result.completeExceptionally(failure(error));
            } else {
                try {
                    result.complete(profile(response));
                } catch (CrmFailure failure) {
                    result.completeExceptionally(failure);
                }
            }
        });
        // the client's timeout covers the headers only: a body that never ends is cut here
        CompletableFuture.delayedExecutor(definition.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> result.completeExceptionally(timeout()));
        result.whenComplete((profile, error) -> {
            SourceStatus status = error == null ? SourceStatus.OK
                    : error instanceof CrmFailure failure ? failure.status() : SourceStatus.ERROR;
            if (error != null) {
                call.cancel(true); // abandons the exchange and its connection
            }
            span.setAttribute(OUTCOME, status.value());
            span.setAttribute(LATENCY, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            if (status == SourceStatus.TIMEOUT) {
                StageSpans.failure(span, "crm-timeout");
            } else if (status == SourceStatus.ERROR) {
                StageSpans.failure(span, "crm-error");
            }
            span.end();
        });
        return result;
    }

    private Profile profile(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status == 404) {
            throw CrmFailure.notFound("the source does not know the customer");
        }
        if (status != 200) {
            throw CrmFailure.error("HTTP " + status);
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            throw CrmFailure.error("the body is not JSON");
        }
        if (body == null || body.isMissingNode()) {
            throw CrmFailure.error("the body is empty");
        }
        JsonNode part = body;
        if (!definition.map().isEmpty()) {
            Map<String, JsonNode> mapped = new LinkedHashMap<>();
            for (Map.Entry<String, JsonPointer> member : definition.map().entrySet()) {
                JsonNode value = body.at(member.getValue());
                if (!value.isMissingNode()) {
                    mapped.put(member.getKey(), value);
                }
            }
            part = json.valueToTree(mapped);
        }
        if (definition.into() == SourceDefinition.Into.CUSTOMER && !part.isObject()) {
            throw CrmFailure.error("the body is not a JSON object");
        }
        return new Profile(definition.name(), json.convertValue(part, Object.class));
    }

    private CrmFailure failure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof CrmFailure failure) {
                return failure; // from the body handler: wrong content type, too large
            }
            if (cause instanceof HttpTimeoutException) {
                return timeout();
            }
        }
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        if (cause instanceof IOException) {
            return CrmFailure.error("cannot reach the source or the connection broke");
        }
        return CrmFailure.error("the call failed");
    }

    private CrmFailure timeout() {
        return CrmFailure.timeout("no answer within the source's " + definition.timeout().toMillis() + " ms timeout");
    }
}
