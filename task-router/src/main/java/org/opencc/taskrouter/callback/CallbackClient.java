package org.opencc.taskrouter.callback;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.opencc.contracts.SpanKeys;
import org.opencc.contracts.Stage;
import org.opencc.support.tracing.StageSpans;
import org.opencc.taskrouter.config.RouterConfig;

/**
 * POSTs a signed TaskRouter callback to a customer's URL, in a {@code CallbackClient.post} span. Retries only a
 * refused connection (nothing was received); a timeout or a broken connection may have delivered the request, so
 * it is never repeated. Never logs parameters or URLs' queries: they may carry personal data.
 */
@ApplicationScoped
public class CallbackClient {
    private static final Logger LOG = Logger.getLogger(CallbackClient.class);
    /** Twilio's webhook header that lets a receiver spot a request it has already seen. */
    static final String IDEMPOTENCY_HEADER = "I-Twilio-Idempotency-Token";
    private final CallbackConfig config;
    private final RequestSignature signature;
    private final Tracer tracer;
    private final HttpClient http;

    public CallbackClient(CallbackConfig config, RouterConfig router, Tracer tracer) {
        this.config = config;
        this.signature = new RequestSignature(router.authToken());
        this.tracer = tracer;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** POSTs {@code params} form-encoded to {@code url}; never throws for what the network or receiver did. */
    public CallbackOutcome post(String url, Map<String, String> params, String taskSid, String idempotencyToken) {
        Span span = tracer.spanBuilder("CallbackClient.post").setSpanKind(SpanKind.CLIENT)
                .setAttribute(SpanKeys.STAGE, Stage.WEBHOOK.value()).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            StageSpans.id(span, SpanKeys.TASK_SID, taskSid);
            StageSpans.id(span, SpanKeys.RESERVATION_SID, params.get("ReservationSid"));
            StageSpans.id(span, SpanKeys.WORKER_SID, params.get("WorkerSid"));
            CallbackOutcome outcome = send(url, params, idempotencyToken);
            if (outcome.status() > 0) {
                span.setAttribute("http.response.status_code", outcome.status());
            }
            span.setAttribute("cc.callback.attempts", outcome.attempts());
            if (!outcome.succeeded()) {
                StageSpans.failure(span, outcome.failure());
            }
            return outcome;
        } finally {
            span.end();
        }
    }

    private CallbackOutcome send(String url, Map<String, String> params, String idempotencyToken) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(config.timeout())
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                    .header(RequestSignature.HEADER, signature.sign(url, params))
                    .header(IDEMPOTENCY_HEADER, idempotencyToken)
                    .POST(HttpRequest.BodyPublishers.ofString(form(params))).build();
        } catch (IllegalArgumentException e) {
            return new CallbackOutcome(0, "", "callback-error", 0);
        }
        int max = Math.max(1, config.refusedAttempts());
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                String body = response.body() == null ? "" : response.body();
                return new CallbackOutcome(status, body, status / 100 == 2 ? null : "callback-http-" + status,
                        attempt);
            } catch (HttpTimeoutException e) {
                return new CallbackOutcome(0, "", "callback-timeout", attempt);
            } catch (ConnectException e) {
                if (attempt >= max) {
                    return new CallbackOutcome(0, "", "callback-refused", attempt);
                }
                LOG.debugf("callback connection refused (attempt %d of %d), retrying", attempt, max);
                if (!pause()) {
                    return new CallbackOutcome(0, "", "callback-refused", attempt);
                }
            } catch (IOException e) {
                return new CallbackOutcome(0, "", "callback-error", attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new CallbackOutcome(0, "", "callback-error", attempt);
            }
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(config.refusedBackoff().toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
