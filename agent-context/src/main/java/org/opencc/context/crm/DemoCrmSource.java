package org.opencc.context.crm;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.opencc.context.config.ContextConfig;
import org.opencc.contracts.SpanKeys;
import org.opencc.contracts.Stage;
import org.opencc.support.tracing.StageSpans;
import org.opencc.support.tracing.TraceParent;

/**
 * The demo CRM of deploy/local ({@code GET <url>/customers/{customerKey}}) through the JDK's asynchronous HTTP
 * client, each request bounded by {@code cc.context.crm.timeout}. Each call is a span {@code DemoCrmSource.fetch}
 * with {@code cc.stage=crm} and, when it fails, {@code cc.failure} = {@code crm-timeout} or {@code crm-error}.
 */
@ApplicationScoped
public class DemoCrmSource implements CrmSource {
    static final String NAME = "demo-crm";
    private static final String OUTCOME = "cc.crm.status";
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final HttpClient http;
    private final String customersUrl;
    private final Duration timeout;
    private final ObjectMapper json;
    private final Tracer tracer;

    public DemoCrmSource(ContextConfig config, ObjectMapper json, Tracer tracer) {
        this.timeout = config.crm().timeout();
        this.customersUrl = config.crm().url().replaceAll("/+$", "") + "/customers/";
        this.json = json;
        this.tracer = tracer;
        // HTTP/1.1: no h2c upgrade round trip on plain http
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletionStage<Profile> fetch(String customerKey) {
        Span span = tracer.spanBuilder("DemoCrmSource.fetch").setParent(Context.current())
                .setSpanKind(SpanKind.CLIENT).setAttribute(SpanKeys.STAGE, Stage.CRM.value()).startSpan();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(customersUrl + encode(customerKey)))
                .timeout(timeout).header("Accept", "application/json").GET();
        TraceParent.format(span.getSpanContext()).ifPresent(value -> request.header("traceparent", value));

        CompletableFuture<Profile> result = new CompletableFuture<>();
        CompletableFuture<HttpResponse<String>> call =
                http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
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
        // also reached when the fan-out gives up on us at its deadline
        result.whenComplete((profile, error) -> {
            if (error == null) {
                span.setAttribute(OUTCOME, SourceStatus.OK.value());
            } else {
                call.cancel(true);
                SourceStatus status = error instanceof CrmFailure failure ? failure.status() : SourceStatus.ERROR;
                span.setAttribute(OUTCOME, status.value());
                if (status == SourceStatus.TIMEOUT) {
                    StageSpans.failure(span, "crm-timeout");
                } else if (status == SourceStatus.ERROR) {
                    StageSpans.failure(span, "crm-error");
                }
            }
            span.end();
        });
        return result;
    }

    private Profile profile(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 404) {
            throw CrmFailure.notFound("the CRM does not know the customer");
        }
        if (status != 200) {
            throw CrmFailure.error("HTTP " + status);
        }
        try {
            JsonNode body = json.readTree(response.body());
            if (body == null || !body.isObject()) {
                throw CrmFailure.error("the body is not a JSON object");
            }
            return new Profile(NAME, json.convertValue(body, OBJECT));
        } catch (IOException e) {
            throw CrmFailure.error("the body is not a JSON object");
        }
    }

    private CrmFailure failure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) {
            return CrmFailure.timeout("no answer within " + timeout.toMillis() + " ms");
        }
        if (cause instanceof IOException) {
            return CrmFailure.error("cannot reach the CRM");
        }
        return CrmFailure.error("the call failed");
    }

    private static String encode(String customerKey) {
        return URLEncoder.encode(customerKey, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
