package org.opencc.reporting.otlp;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencc.contracts.SpanKeys;
import org.opencc.support.problem.ProblemException;
import org.opencc.support.problem.ProblemType;

/**
 * The OTLP/HTTP trace receiver ({@code POST /v1/traces}): the services (or a collector forwarding a copy) export
 * their spans here, binary protobuf or JSON, gzip or not. Spans carrying one of our ids ({@code cc.interaction_id},
 * {@code cc.task_sid}, {@code cc.stage}) are kept for journeys; the rest are counted and dropped. Exporters send no
 * user token: when {@code cc.reporting.otlp.token} is set, the request must carry it as a bearer token.
 */
@Path("/v1/traces")
@PermitAll
public class OtlpResource {
    private static final String PROTOBUF = "application/x-protobuf";
    /** The most an export request may hold, decompressed. */
    static final int MAX_BODY = 8 * 1024 * 1024;

    private final SpanLog spans;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Optional<String> token;

    public OtlpResource(SpanLog spans, Clock clock, MeterRegistry meters,
            @ConfigProperty(name = "cc.otlp.token") Optional<String> token) {
        this.spans = spans;
        this.clock = clock;
        this.meters = meters;
        this.token = token.filter(t -> !t.isBlank());
    }

    @POST
    @Consumes({PROTOBUF, MediaType.APPLICATION_JSON})
    public Response export(byte[] body, @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Content-Encoding") String encoding, @HeaderParam("Authorization") String authorization) {
        checkToken(authorization);
        boolean json = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_JSON);
        List<ReceivedSpan> received;
        try {
            byte[] raw = "gzip".equalsIgnoreCase(encoding) ? gunzip(body) : body;
            received = json ? OtlpDecoder.json(raw) : OtlpDecoder.protobuf(raw);
        } catch (OtlpDecoder.MalformedOtlpException e) {
            meters.counter("reporting_otlp_requests_rejected_total").increment();
            throw new ProblemException(ProblemType.MALFORMED_BODY, "malformed OTLP trace export: "
                    + e.getMessage());
        }
        List<ReceivedSpan> ours = received.stream().filter(OtlpResource::ours).toList();
        spans.store(ours, clock.instant());
        meters.counter("reporting_otlp_spans_total", "kept", "true").increment(ours.size());
        meters.counter("reporting_otlp_spans_total", "kept", "false").increment(received.size() - ours.size());
        // an empty ExportTraceServiceResponse: no bytes in protobuf, {} in JSON
        return json ? Response.ok("{}", MediaType.APPLICATION_JSON).build()
                : Response.ok(new byte[0], PROTOBUF).build();
    }

    private static boolean ours(ReceivedSpan span) {
        return span.interactionId() != null || span.taskSid() != null || span.stage() != null
                || span.attributes().containsKey(SpanKeys.INTERACTION_ID);
    }

    private void checkToken(String authorization) {
        if (token.isEmpty()) {
            return;
        }
        String expected = "Bearer " + token.get();
        if (authorization == null || !MessageDigest.isEqual(expected.getBytes(), authorization.getBytes())) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED,
                    "spans are accepted only with the bearer token cc.otlp.token names");
        }
    }

    private static byte[] gunzip(byte[] body) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            byte[] raw = in.readNBytes(MAX_BODY + 1);
            if (raw.length > MAX_BODY) {
                throw new OtlpDecoder.MalformedOtlpException("the body is over " + MAX_BODY + " bytes unzipped");
            }
            return raw;
        } catch (IOException e) {
            throw new OtlpDecoder.MalformedOtlpException("Content-Encoding is gzip but the body is not: "
                    + e.getMessage());
        }
    }
}
