package org.opencc.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencc.reporting.LiveEvents.publish;
import static org.opencc.reporting.LiveEvents.sid;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.Channel;
import org.opencc.contracts.context.ContextServed;
import org.opencc.contracts.context.Reader;
import org.opencc.contracts.context.SourceOutcome;
import org.opencc.contracts.interaction.InteractionCreated;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/** The OTLP/HTTP receiver, protobuf and JSON, and spans in journeys as evidence. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class OtlpTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String TOKEN = "Bearer test-otlp-token";
    private static final String PROBLEMS = "https://opencc.dev/problems/";

    @Test
    void protobufSpansWithOurIdsJoinTheJourneyAndBecomeTheCrmFindingsEvidence() throws Exception {
        String traceId = hex(16);
        String crmSpan = hex(8);
        String interaction = sid("IN");
        String task = sid("WT");
        String traceparent = "00-" + traceId + "-" + hex(8) + "-01";
        publish(new InteractionCreated(interaction, Channel.SMS, sid("WS"), sid("WW"), "ck_1", "US", "us-east",
                Instant.now()), traceparent);
        publish(new ContextServed(sid("CX"), task, interaction, "ck_1", new Reader("ada", "agent", sid("WK")),
                List.of(), List.of(), List.of(new SourceOutcome("crm", "timeout", 300, null)), true, 300, 301,
                Instant.now()), traceparent);
        ExportTraceServiceRequest request = request(
                span(traceId, crmSpan, "ContextService.readTask", Status.StatusCode.STATUS_CODE_ERROR,
                        attribute("cc.stage", "crm"), attribute("cc.interaction_id", interaction)),
                span(traceId, hex(8), "GET /q/health", Status.StatusCode.STATUS_CODE_UNSET,
                        attribute("http.route", "/q/health")));

        given().header("Authorization", TOKEN).contentType("application/x-protobuf").body(request.toByteArray())
                .post("/v1/traces").then().statusCode(200).contentType(containsString("application/x-protobuf"));

        JsonPath journey = await().atMost(DEADLINE).until(() -> JourneyTest.journey(interaction),
                j -> j != null && j.getList("events").size() == 2 && j.getList("spans").size() == 1);
        assertEquals(crmSpan, journey.getString("spans[0].span_id"));
        assertEquals("crm", journey.getString("spans[0].stage"));
        assertEquals("error", journey.getString("spans[0].status"));
        assertEquals("reporting-test-service", journey.getString("spans[0].service"));
        assertEquals("crm", journey.getString("attribution.stage"));
        assertEquals(List.of(crmSpan), journey.getList("attribution.span_ids"));
    }

    @Test
    void jsonAndGzipExportsAreAcceptedToo() throws Exception {
        String interaction = sid("IN");
        String traceId = hex(16);
        publish(new InteractionCreated(interaction, Channel.SMS, sid("WS"), sid("WW"), "ck_2", "US", "us-east",
                Instant.now()));
        String jsonSpan = hex(8);
        long start = System.currentTimeMillis() * 1_000_000L;
        String json = "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":"
                + "{\"stringValue\":\"task-router\"}}]},\"scopeSpans\":[{\"spans\":[{\"traceId\":\"" + traceId
                + "\",\"spanId\":\"" + jsonSpan + "\",\"name\":\"route\",\"startTimeUnixNano\":\"" + start
                + "\",\"endTimeUnixNano\":\"" + (start + 5_000_000) + "\",\"attributes\":[{\"key\":"
                + "\"cc.interaction_id\",\"value\":{\"stringValue\":\"" + interaction + "\"}},{\"key\":\"cc.stage\","
                + "\"value\":{\"stringValue\":\"routing\"}}],\"status\":{\"code\":1}}]}]}]}";
        given().header("Authorization", TOKEN).contentType("application/json").body(json).post("/v1/traces").then()
                .statusCode(200).body(is("{}"));
        String gzSpan = hex(8);
        ExportTraceServiceRequest request = request(span(traceId, gzSpan, "deliver", Status.StatusCode.STATUS_CODE_OK,
                attribute("cc.interaction_id", interaction)));
        given().header("Authorization", TOKEN).header("Content-Encoding", "gzip")
                .contentType("application/x-protobuf").body(gzip(request.toByteArray())).post("/v1/traces").then()
                .statusCode(200);

        JsonPath journey = await().atMost(DEADLINE).until(() -> JourneyTest.journey(interaction),
                j -> j != null && j.getList("spans").size() == 2);
        assertEquals(List.of(jsonSpan, gzSpan), journey.getList("spans.span_id"));
        assertEquals("task-router", journey.getString("spans[0].service"));
        assertEquals("ok", journey.getString("spans[0].status"));
    }

    @Test
    void malformedExportsAreBadRequestsAndNeverCrashTheReceiver() {
        given().header("Authorization", TOKEN).contentType("application/x-protobuf").body(new byte[] {8, -1, -1})
                .post("/v1/traces").then().statusCode(400).body("type", is(PROBLEMS + "malformed-body"));
        given().header("Authorization", TOKEN).contentType("application/json").body("{\"resourceSpans\":")
                .post("/v1/traces").then().statusCode(400).body("detail", containsString("not JSON"));
        given().header("Authorization", TOKEN).contentType("application/json")
                .body("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"xyz\",\"spanId\":\"00\"}]}]}]}")
                .post("/v1/traces").then().statusCode(400).body("detail", containsString("traceId"));
        given().header("Authorization", TOKEN).header("Content-Encoding", "gzip").contentType("application/x-protobuf")
                .body(new byte[] {1, 2, 3}).post("/v1/traces").then().statusCode(400)
                .body("detail", containsString("gzip"));
        // and it still takes a good one afterwards
        given().header("Authorization", TOKEN).contentType("application/x-protobuf")
                .body(request().toByteArray()).post("/v1/traces").then().statusCode(200);
    }

    @Test
    void exportsWithoutTheConfiguredTokenAreUnauthenticated() {
        given().contentType("application/x-protobuf").body(request().toByteArray()).post("/v1/traces").then()
                .statusCode(401).body("type", is(PROBLEMS + "unauthenticated"));
        given().header("Authorization", "Bearer guess").contentType("application/x-protobuf")
                .body(request().toByteArray()).post("/v1/traces").then().statusCode(401);
    }

    private static ExportTraceServiceRequest request(Span... spans) {
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .setResource(Resource.newBuilder().addAttributes(attribute("service.name", "reporting-test-service")))
                .addScopeSpans(ScopeSpans.newBuilder().addAllSpans(List.of(spans)))).build();
    }

    private static Span span(String traceId, String spanId, String name, Status.StatusCode status,
            KeyValue... attributes) {
        long start = System.currentTimeMillis() * 1_000_000L;
        return Span.newBuilder().setTraceId(ByteString.fromHex(traceId)).setSpanId(ByteString.fromHex(spanId))
                .setName(name).setStartTimeUnixNano(start).setEndTimeUnixNano(start + 1_000_000)
                .setStatus(Status.newBuilder().setCode(status)).addAllAttributes(List.of(attributes)).build();
    }

    private static KeyValue attribute(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    private static String hex(int bytes) {
        byte[] id = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(id);
        id[0] |= 1; // never all zero
        return HexFormat.of().formatHex(id);
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(raw);
        }
        return out.toByteArray();
    }
}
