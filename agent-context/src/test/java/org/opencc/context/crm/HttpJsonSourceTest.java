package org.opencc.context.crm;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The generic connector against CRM-like servers on loopback: what each kind of answer, good or broken, becomes.
 * Every broken answer is this source's {@code error} or {@code timeout}, within the source's timeout.
 */
class HttpJsonSourceTest {
    private static final String P = "cc.context.sources.s.";
    private static final ContextSubject SUBJECT = new ContextSubject("WT0", "IN0", "WS0", "sms", "ck_42", null);
    private final RawHttpServer server = new RawHttpServer();
    private final CountDownLatch release = new CountDownLatch(1);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    private HttpJsonSource source(String... properties) {
        Map<String, String> config = new HashMap<>();
        config.put(P + "url", server.baseUrl());
        config.put(P + "timeout", "500ms");
        for (int i = 0; i < properties.length; i += 2) {
            config.put(P + properties[i], properties[i + 1]);
        }
        return new HttpJsonSource(SourceConfigs.one(config), http, new ObjectMapper(),
                OpenTelemetry.noop().getTracer("test"));
    }

    private static CrmFailure failure(HttpJsonSource source) {
        try {
            source.fetch(SUBJECT).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof CrmFailure failure) {
                return failure;
            }
            throw e;
        }
        throw new AssertionError("the fetch succeeded");
    }

    @Test
    void membersAreTakenByJsonPointerIntoTheCustomerProfile() {
        server.on("/customers/ck_42", RawHttpServer.json(200,
                "{\"data\":[{\"tier\":\"gold\",\"since\":2019}],\"meta\":{\"name\":\"Ada\"},\"noise\":1}"));
        Profile profile = source("into", "customer", "map.tier", "/data/0/tier", "map.display_name", "/meta/name",
                "map.absent", "/nope").fetch(SUBJECT).join();
        assertEquals(Map.of("tier", "gold", "display_name", "Ada"), profile.value(),
                "mapped members only; a pointer to nothing leaves its member out");
    }

    @Test
    void aRecordsSourceMayAnswerAnArray() {
        server.on("/orders/ck_42", RawHttpServer.json(200, "[{\"id\":\"o1\"},{\"id\":\"o2\"}]"));
        Profile profile = source("path", "/orders/{customer_key}").fetch(SUBJECT).join();
        assertEquals(List.of(Map.of("id", "o1"), Map.of("id", "o2")), profile.value());
    }

    @Test
    void theSecretHeaderAndTheTraceparentAreSent() {
        server.on("/customers/", RawHttpServer.json(200, "{}"));
        HttpJsonSource source = new HttpJsonSource(SourceConfigs.definitions(Map.of(P + "url", server.baseUrl(),
                P + "auth.secret-env", "TOKEN", P + "auth.scheme", "Bearer"), name -> "t0k3n").get(0), http,
                new ObjectMapper(), OpenTelemetry.noop().getTracer("test"));
        source.fetch(SUBJECT).join();
        String head = server.heads().get(0);
        assertThat(head, containsString("GET /customers/ck_42 HTTP/1.1"));
        assertThat(head.toLowerCase(), containsString("authorization: bearer t0k3n"));
        assertThat(head.toLowerCase(), containsString("accept: application/json"));
    }

    @Test
    void aSubjectWithoutAValueForTheTemplateIsSkippedWithoutACall() {
        CrmFailure failure = failure(source("path", "/by-email/{task.attributes.email}"));
        assertEquals(SourceStatus.SKIPPED, failure.status());
        assertEquals("no value for {task.attributes.email}", failure.detail());
        assertTrue(server.heads().isEmpty(), "no request was made");
    }

    @Test
    void notFoundIsAnAnswerAndOtherStatusesAreErrors() {
        server.on("/customers/", RawHttpServer.json(404, "{\"error\":\"unknown\"}"));
        assertEquals(SourceStatus.NOT_FOUND, failure(source()).status());
        server.on("/customers/", RawHttpServer.json(503, "{\"error\":\"down\"}"));
        CrmFailure failure = failure(source());
        assertEquals(SourceStatus.ERROR, failure.status());
        assertEquals("HTTP 503", failure.detail());
    }

    @Test
    void htmlIsRefusedByItsContentType() {
        server.on("/customers/", RawHttpServer.respond(200, "text/html; charset=utf-8", "<html>maintenance</html>"));
        CrmFailure failure = failure(source());
        assertEquals(SourceStatus.ERROR, failure.status());
        assertEquals("content type 'text/html; charset=utf-8', expected application/json", failure.detail());
    }

    @Test
    void garbageLabelledJsonIsAnError() {
        server.on("/customers/", RawHttpServer.json(200, "{\"tier\": gold"));
        CrmFailure failure = failure(source());
        assertEquals(SourceStatus.ERROR, failure.status());
        assertEquals("the body is not JSON", failure.detail());
    }

    @Test
    void aCustomerSourceAnsweringSomethingOtherThanAnObjectIsAnError() {
        server.on("/customers/", RawHttpServer.json(200, "[1,2,3]"));
        assertEquals("the body is not a JSON object", failure(source("into", "customer")).detail());
    }

    @Test
    void aBodyAnnouncedLargerThanTheLimitIsRefusedBeforeReadingIt() {
        server.on("/customers/", RawHttpServer.json(200, "{\"blob\":\"" + "x".repeat(5000) + "\"}"));
        CrmFailure failure = failure(source("max-body-bytes", "1024"));
        assertEquals(SourceStatus.ERROR, failure.status());
        assertEquals("body larger than 1024 bytes", failure.detail());
    }

    @Test
    void anEndlessChunkedBodyIsCutAtTheLimit() {
        server.on("/customers/", (path, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "1\r\n[\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("400\r\n" + "1,".repeat(512) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 100_000; i++) { // ~100 MB if nobody stopped reading
                out.write(chunk);
            }
        });
        long start = System.nanoTime();
        CrmFailure failure = failure(source("max-body-bytes", "65536", "timeout", "5s"));
        assertEquals("body larger than 65536 bytes", failure.detail());
        assertThat("cut at the limit, not read to the end", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                lessThan(5000L));
    }

    @Test
    void aServerThatSendsHeadersAndThenNothingTimesOut() {
        server.on("/customers/", (path, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"a\":"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            release.await(); // never closes the connection while the test runs
        });
        CrmFailure failure = failure(source());
        assertEquals(SourceStatus.TIMEOUT, failure.status());
        assertEquals("no answer within the source's 500 ms timeout", failure.detail());
    }

    @Test
    void aServerThatNeverAnswersTimesOut() {
        server.on("/customers/", (path, out) -> release.await());
        assertEquals(SourceStatus.TIMEOUT, failure(source()).status());
    }

    @Test
    void aPortNobodyListensOnIsAnError() throws IOException {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        CrmFailure failure = failure(new HttpJsonSource(SourceConfigs.one(Map.of(P + "url", "http://127.0.0.1:" + port)),
                http, new ObjectMapper(), OpenTelemetry.noop().getTracer("test")));
        assertEquals(SourceStatus.ERROR, failure.status());
        assertThat(List.of(failure.detail()), hasItem(containsString("cannot reach the source")));
    }

}
