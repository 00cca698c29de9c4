package org.opencc.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencc.reporting.Intervals.row;
import static org.opencc.reporting.Intervals.rows;
import static org.opencc.reporting.LiveEvents.publish;
import static org.opencc.reporting.LiveEvents.sid;
import static org.opencc.reporting.LiveEvents.token;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.DomainEvent;
import org.opencc.testsupport.jwt.JwtMinter;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/**
 * Interval metrics with the defaults: 15-minute intervals, short abandon under 10 s, service level 20 s. Every
 * test uses its own queue and a random base time T0 on a 15-minute boundary; A is [T0, T0+15m), B the next one.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class IntervalMetricsTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String PROBLEMS = "https://opencc.dev/problems/";
    /** The queue given {@code cc.reporting.service-level."…"=30s} in application.properties (%test). */
    private static final String QUEUE_WITH_30S = "WQ5e1f0c0ffee0000000000000000000aa";

    @Test
    void sixTasksInOneQueueGiveTheHandComputedNumbersPerInterval() {
        SixTasks six = new SixTasks();

        six.events().forEach(LiveEvents::publish);

        await().atMost(DEADLINE).untilAsserted(() -> assertEquals(six.expected("task_queue_sid", six.queue),
                rows(six.t0, six.at(30, 0), "queue", six.queue)));
        // the same tasks by the channel in their attributes and by their workflow: the same numbers
        assertEquals(six.expected("channel", "sms"), rows(six.t0, six.at(30, 0), "channel", six.queue));
        assertEquals(six.expected("workflow_sid", six.workflow),
                rows(six.t0, six.at(30, 0), "workflow", six.queue));
        // a range inside B lists B only: rows are for every interval overlapping [from, to)
        assertEquals(six.expected("task_queue_sid", six.queue).subList(1, 2),
                rows(six.at(16, 0), six.at(17, 0), "queue", six.queue));
    }

    @Test
    void everyEventDeliveredTwiceOrRepeatedUnderANewIdGivesIdenticalNumbers() throws Exception {
        SixTasks six = new SixTasks();
        List<DomainEvent> events = six.events();
        List<String> ids = new ArrayList<>();

        for (DomainEvent event : events) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            publish(event, id, null);
        }
        // a redelivery of every event (same ce_id: dedupe), then every event again as a new one (new ce_id: the
        // facts' set-once / earliest-time writes must absorb it)
        for (int i = 0; i < events.size(); i++) {
            publish(events.get(i), ids.get(i), null);
        }
        events.forEach(LiveEvents::publish);
        // one marker per task behind its repeats on the task's partition: once processed, so are the repeats
        List<String> markers = new ArrayList<>();
        for (TimedTask task : six.tasks) {
            markers.add(publish(task.created(six.t0)));
        }
        for (String marker : markers) {
            await().atMost(DEADLINE).until(() -> LiveEvents.processed(marker));
        }

        assertEquals(six.expected("task_queue_sid", six.queue),
                rows(six.t0, six.at(30, 0), "queue", six.queue));
    }

    @Test
    void aLateEventCorrectsTheIntervalItsEventTimeFallsIn() {
        Instant t0 = Intervals.randomBase();
        String workspace = sid("WS");
        String workflow = sid("WW");
        String queue = sid("WQ");
        String worker = sid("WK");
        TimedTask p = new TimedTask(workspace, workflow, queue);
        TimedTask q = new TimedTask(workspace, workflow, queue);
        TimedTask r = new TimedTask(workspace, workflow, queue);
        // p: entered T0+16m, accepted +10 s, completed +60 s          -> all in B
        // q: accepted T0+2m10s, completed +60 s; its queue entry (T0+2m) comes late
        // r: entered T0+5m; its cancel (T0+5m40s, an abandon after 40 s) comes late
        publish(p.created(t0.plusSeconds(960)));
        publish(p.entered(t0.plusSeconds(960)));
        publish(p.accepted(worker, t0.plusSeconds(970)));
        publish(p.completed(t0.plusSeconds(1030)));
        publish(q.created(t0.plusSeconds(120)));
        publish(q.accepted(worker, t0.plusSeconds(130)));
        publish(q.completed(t0.plusSeconds(190)));
        publish(r.created(t0.plusSeconds(300)));
        publish(r.entered(t0.plusSeconds(300)));
        // A: offered 1 (r); accepted 1 (q, wait unknown: no ASA, no service level); AHT q 60 s;
        //    rate 0 / (1 - 0) = 0 %
        // B: offered 1, accepted 1, ASA 10 s, AHT 60 s, service level 1/1 = 100 %, rate 0 / 1 = 0 %
        Map<String, Object> b = row(t0.plusSeconds(900), "task_queue_sid", queue,
                1, 1, 0, 0, 0.0, 10.0, 60.0, 100.0, 20.0);
        await().atMost(DEADLINE).untilAsserted(() -> assertEquals(List.of(
                row(t0, "task_queue_sid", queue, 1, 1, 0, 0, 0.0, null, 60.0, null, 20.0), b),
                rows(t0, t0.plusSeconds(1800), "queue", queue)));

        publish(q.entered(t0.plusSeconds(120)));
        publish(r.canceled(t0.plusSeconds(340)));

        // A: offered 2 (q, r); accepted 1 with wait 10 s -> ASA 10, service level 100 %; abandoned 1 (r, 40 s),
        //    short 0; rate 1 / (2 - 0) = 50 %; AHT unchanged 60 s. B unchanged.
        await().atMost(DEADLINE).untilAsserted(() -> assertEquals(List.of(
                row(t0, "task_queue_sid", queue, 2, 1, 1, 0, 50.0, 10.0, 60.0, 100.0, 20.0), b),
                rows(t0, t0.plusSeconds(1800), "queue", queue)));
    }

    @Test
    void groupedByWorkerEachAcceptingWorkerGetsItsTasksAndOccupancy() {
        Instant t0 = Intervals.randomBase();
        String workspace = sid("WS");
        String workflow = sid("WW");
        String queue = sid("WQ");
        String one = sid("WK");
        String two = sid("WK");
        String w1 = one.compareTo(two) < 0 ? one : two;
        String w2 = one.compareTo(two) < 0 ? two : one;
        TimedTask a = new TimedTask(workspace, workflow, queue);
        TimedTask b = new TimedTask(workspace, workflow, queue);
        TimedTask c = new TimedTask(workspace, workflow, queue);
        TimedTask d = new TimedTask(workspace, workflow, queue);
        List<DomainEvent> events = List.of(
                // a, w1: entered 13:25, accepted 13:30 (wait 5 s), completed 16:30 (handle 180 s)
                a.created(at(t0, 13, 25)), a.entered(at(t0, 13, 25)), a.reserved(w1, at(t0, 13, 26)),
                a.accepted(w1, at(t0, 13, 30)), a.completed(at(t0, 16, 30)),
                // b, w1 in parallel: entered 14:00, accepted 14:30 (wait 30 s), completed 15:30 (handle 60 s)
                b.created(at(t0, 14, 0)), b.entered(at(t0, 14, 0)), b.accepted(w1, at(t0, 14, 30)),
                b.completed(at(t0, 15, 30)),
                // c, w2: entered 1:00, accepted 1:05 (wait 5 s), completed 2:35 (handle 90 s)
                c.created(at(t0, 1, 0)), c.entered(at(t0, 1, 0)), c.accepted(w2, at(t0, 1, 5)),
                c.completed(at(t0, 2, 35)),
                // d, nobody: entered 2:00, canceled 2:40 (abandoned after 40 s)
                d.created(at(t0, 2, 0)), d.entered(at(t0, 2, 0)), d.canceled(at(t0, 2, 40)));

        events.forEach(LiveEvents::publish);

        Instant b0 = t0.plusSeconds(900);
        List<Map<String, Object>> expected = List.of(
                // w1 in A: offered a, b; accepted a (5 s), b (30 s): ASA 17.5, service level 1/2 = 50 %; nothing
                // completed in A; busy 13:30-15:00 once (a and b overlap) = 90 s / 900 s = 0.1
                row(t0, "worker_sid", w1, 2, 2, 0, 0, 0.0, 17.5, null, 50.0, 20.0, 0.1),
                // w2 in A: c offered, accepted (5 s), completed (90 s); busy 1:05-2:35 = 90 s / 900 s = 0.1
                row(t0, "worker_sid", w2, 1, 1, 0, 0, 0.0, 5.0, 90.0, 100.0, 20.0, 0.1),
                // nobody's in A: d offered and abandoned after 40 s: rate 1 / (1 - 0) = 100 %; no occupancy
                row(t0, "worker_sid", null, 1, 0, 1, 0, 100.0, null, null, null, 20.0),
                // w1 in B: a (180 s) and b (60 s) completed: AHT 120; busy 15:00-16:30 = 90 s / 900 s = 0.1;
                // nothing offered: no rate
                row(b0, "worker_sid", w1, 0, 0, 0, 0, null, null, 120.0, null, 20.0, 0.1));
        await().atMost(DEADLINE).untilAsserted(() -> assertEquals(expected,
                rows(t0, t0.plusSeconds(1800), "worker", queue)));

        // an agent sees their own rows, grouped by worker whether asked or not; another grouping is refused
        String w1Token = JwtMinter.shared().token("agent-w1", List.of("agent"), w1);
        List<Map<String, Object>> own = List.of(expected.get(0), expected.get(3));
        assertEquals(own, Intervals.rows(w1Token, t0, t0.plusSeconds(1800), null, queue));
        assertEquals(own, Intervals.rows(w1Token, t0, t0.plusSeconds(1800), "worker", queue));
        given().auth().oauth2(w1Token).queryParam("from", t0.toString())
                .queryParam("to", t0.plusSeconds(1800).toString()).queryParam("group_by", "queue")
                .get("/v1/intervals")
                .then().statusCode(403).contentType(startsWith("application/problem+json"))
                .body("type", is(PROBLEMS + "forbidden")).body("detail", containsString("group_by=worker"));
    }

    @Test
    void aQueuesOwnThresholdReplacesTheDefault() {
        Instant t0 = Intervals.randomBase();
        String workspace = sid("WS");
        String workflow = sid("WW");
        List<TimedTask> tasks = new ArrayList<>();
        // waits of 5, 30 and 31 s against this queue's 30 s: 2 of 3 within = 66.67 %; ASA 66 / 3 = 22 s;
        // nothing completed: no AHT
        int[] waits = {5, 30, 31};
        for (int i = 0; i < waits.length; i++) {
            TimedTask task = new TimedTask(workspace, workflow, QUEUE_WITH_30S);
            tasks.add(task);
            publish(task.created(at(t0, i, 0)));
            publish(task.entered(at(t0, i, 0)));
            publish(task.accepted(sid("WK"), at(t0, i, waits[i])));
        }

        await().atMost(DEADLINE).untilAsserted(() -> assertEquals(List.of(
                row(t0, "task_queue_sid", QUEUE_WITH_30S, 3, 3, 0, 0, 0.0, 22.0, null, 66.67, 30.0)),
                rows(t0, t0.plusSeconds(900), "queue", QUEUE_WITH_30S)));
    }

    @Test
    void badRangesAndParametersAreValidationProblemsNamingTheField() {
        String from = "2026-01-01T00:00:00Z";
        problem(Map.of("to", "2026-01-01T01:00:00Z"), "from", "required");
        problem(Map.of("from", from), "to", "required");
        problem(Map.of("from", "yesterday", "to", "2026-01-01T01:00:00Z"), "from", "ISO-8601");
        problem(Map.of("from", from, "to", "2026-01-01 01:00"), "to", "ISO-8601");
        problem(Map.of("from", from, "to", from), "to", "after from");
        problem(Map.of("from", "2026-01-01T01:00:00Z", "to", from), "to", "after from");
        problem(Map.of("from", from, "to", "2026-02-01T00:00:01Z"), "to", "31 days");
        problem(Map.of("from", from, "to", "2026-01-01T01:00:00Z", "group_by", "team"), "group_by",
                "queue, channel, worker, workflow");
        problem(Map.of("from", from, "to", "2026-01-01T01:00:00Z", "task_queue_sid", "WQ1"), "task_queue_sid",
                "WQ");

        // exactly 31 days, with an offset instead of Z, is fine
        given().auth().oauth2(token("admin"))
                .queryParam("from", "2026-01-01T01:00:00+01:00").queryParam("to", "2026-02-01T00:00:00Z")
                .queryParam("task_queue_sid", sid("WQ"))
                .get("/v1/intervals")
                .then().statusCode(200).body("interval_seconds", is(900)).body("rows.size()", is(0));
    }

    @Test
    void withoutATokenOrWithoutTheRoleTheIntervalsAreRefused() {
        given().queryParam("from", "2026-01-01T00:00:00Z").queryParam("to", "2026-01-01T01:00:00Z")
                .get("/v1/intervals")
                .then().statusCode(401).contentType(startsWith("application/problem+json"))
                .body("type", is(PROBLEMS + "unauthenticated"));
        // an agent's token that names no worker has no statistics of its own
        String noWorker = JwtMinter.shared().token("agent-without-worker", List.of("agent"), null);
        for (String token : List.of(noWorker, token("compliance"))) {
            given().auth().oauth2(token)
                    .queryParam("from", "2026-01-01T00:00:00Z").queryParam("to", "2026-01-01T01:00:00Z")
                    .get("/v1/intervals")
                    .then().statusCode(403).contentType(startsWith("application/problem+json"))
                    .body("type", is(PROBLEMS + "forbidden"));
        }
    }

    private static void problem(Map<String, String> parameters, String field, String message) {
        given().auth().oauth2(token("supervisor")).queryParams(parameters)
                .get("/v1/intervals")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("type", is(PROBLEMS + "validation-failed"))
                .body("errors[0].field", is(field))
                .body("errors[0].message", containsString(message));
    }

    private static Instant at(Instant t0, int minutes, int seconds) {
        return t0.plusSeconds(minutes * 60L + seconds);
    }
}
