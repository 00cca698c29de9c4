package org.opencc.taskrouter;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twilio.rest.taskrouter.v1.workspace.Activity;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.jwt.JwtMinter;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresDatabase;
import org.opencc.testsupport.postgres.PostgresResource;

/**
 * A worker's desktop follows its reservations and activity on {@code .../Workers/{WK}/Events/Stream}, and resumes
 * after a reconnect with {@code Last-Event-ID} without losing or repeating an event. The fallback poll is off in
 * tests, so every event here travels by PostgreSQL NOTIFY, as it would from another replica.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class WorkerEventStreamTest {
    private static final Duration DEADLINE = Duration.ofSeconds(15);

    @TestHTTPResource("/")
    URL base;

    private RouterFixtures fixtures;
    private RouterFixtures.Setup setup;
    private Worker alice;

    @BeforeEach
    void aliceIsAvailable() {
        fixtures = new RouterFixtures(base);
        setup = fixtures.supportSetup();
        alice = fixtures.worker(setup, "alice", "{\"skills\":[\"support\"]}", true);
    }

    @Test
    void theStreamPushesTheWorkersReservationsWithIncreasingIds() throws Exception {
        try (Events events = open(alice, null)) {
            Task task = createTask();
            Event created = events.next();
            assertEquals("reservation.created", created.type());
            JsonPath data = created.json();
            assertEquals(task.getSid(), data.getString("task_sid"));
            assertEquals("pending", data.getString("reservation_status"));
            assertEquals(alice.getSid(), data.getString("worker_sid"));

            accept(data.getString("reservation_sid"));
            Event accepted = events.next();
            assertEquals("reservation.accepted", accepted.type());
            assertEquals(data.getString("reservation_sid"), accepted.json().getString("reservation_sid"));
            assertEquals(created.id() + 1, accepted.id());

            setActivity("Offline");
            Event activity = events.next();
            assertEquals("worker.activity.update", activity.type());
            assertEquals("Offline", activity.json().getString("activity_name"));
            assertEquals(false, activity.json().getBoolean("available"));
            assertEquals(accepted.id() + 1, activity.id());
        }
    }

    @Test
    void reconnectingWithLastEventIdReplaysExactlyTheEventsAfterIt() throws Exception {
        List<Event> seen = new ArrayList<>();
        try (Events events = open(alice, "0")) {
            createTask();
            // the worker's creation, then its reservation
            seen.add(events.next());
            seen.add(events.next());
            accept(seen.get(1).json().getString("reservation_sid"));
            seen.add(events.next());
        }
        assertEquals(List.of("worker.activity.update", "reservation.created", "reservation.accepted"),
                seen.stream().map(Event::type).toList());
        assertEquals(List.of(1L, 2L, 3L), seen.stream().map(Event::id).toList());

        // changed while the desktop was away
        setActivity("Offline");
        try (Events resumed = open(alice, Long.toString(seen.get(0).id()))) {
            assertEquals(seen.get(1), resumed.next());
            assertEquals(seen.get(2), resumed.next());
            Event missed = resumed.next();
            assertEquals(4, missed.id());
            assertEquals("worker.activity.update", missed.type());
            // nothing repeated after the replay: the next event is the next change
            setActivity("Available");
            Event next = resumed.next();
            assertEquals(5, next.id());
            assertEquals("Available", next.json().getString("activity_name"));
        }
        try (Events byQuery = openWithQuery(alice, 4)) {
            assertEquals(5, byQuery.next().id());
        }
    }

    @Test
    void aChangeWrittenByAnotherReplicaReachesTheStreamThroughNotify() throws Exception {
        try (Events events = open(alice, null)) {
            // what another replica's transaction does: log the event, then NOTIFY on commit
            try (Connection db = PostgresDatabase.connect("task_router_test")) {
                db.setAutoCommit(false);
                long seq = nextSeq(db, alice.getSid());
                try (PreparedStatement insert = db.prepareStatement("INSERT INTO worker_event (worker_sid, seq,"
                        + " type, payload, created_at)"
                        + " VALUES (?, ?, 'worker.activity.update', '{\"replica\":\"b\"}', now())")) {
                    insert.setString(1, alice.getSid());
                    insert.setLong(2, seq);
                    insert.executeUpdate();
                }
                try (PreparedStatement notify = db.prepareStatement("SELECT pg_notify('worker_events', ?)")) {
                    notify.setString(1, alice.getSid());
                    notify.execute();
                }
                db.commit();
                Event event = events.next();
                assertEquals(seq, event.id());
                assertEquals("b", event.json().getString("replica"));
            }
        }
    }

    @Test
    void anotherWorkersAgentTokenCannotOpenTheStream() {
        Worker bob = fixtures.worker(setup, "bob", "{}", false);
        given().header("Authorization", "Bearer " + JwtMinter.shared().token("bob", List.of("agent"), bob.getSid()))
                .get(streamPath(alice)).then().statusCode(403).body("code", is(20403));
        given().header("Authorization", "Bearer " + JwtMinter.shared().token("alice", List.of("agent"),
                alice.getSid())).queryParam("last_event_id", "x").get(streamPath(alice))
                .then().statusCode(400).body("code", is(20001));
    }

    private Task createTask() {
        return Task.creator(setup.workspaceSid()).setWorkflowSid(setup.workflowSid())
                .setAttributes("{\"channel\":\"chat\"}").create(fixtures.client);
    }

    private void accept(String reservationSid) {
        given().header("Authorization", "Bearer " + agentToken(alice)).formParam("ReservationStatus", "accepted")
                .post("/v1/Workspaces/" + setup.workspaceSid() + "/Workers/" + alice.getSid() + "/Reservations/"
                        + reservationSid)
                .then().statusCode(200);
    }

    private void setActivity(String name) {
        String activity = Activity.reader(setup.workspaceSid()).setFriendlyName(name).read(fixtures.client)
                .iterator().next().getSid();
        given().header("Authorization", "Bearer " + agentToken(alice)).formParam("ActivitySid", activity)
                .post("/v1/Workspaces/" + setup.workspaceSid() + "/Workers/" + alice.getSid())
                .then().statusCode(200);
    }

    private static long nextSeq(Connection db, String workerSid) throws SQLException {
        try (PreparedStatement seq = db.prepareStatement("INSERT INTO worker_event_seq (worker_sid, last_seq)"
                + " VALUES (?, 1) ON CONFLICT (worker_sid) DO UPDATE SET last_seq = worker_event_seq.last_seq + 1"
                + " RETURNING last_seq")) {
            seq.setString(1, workerSid);
            try (ResultSet rs = seq.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String streamPath(Worker worker) {
        return "/v1/Workspaces/" + setup.workspaceSid() + "/Workers/" + worker.getSid() + "/Events/Stream";
    }

    private static String agentToken(Worker worker) {
        return JwtMinter.shared().token(worker.getFriendlyName(), List.of("agent"), worker.getSid());
    }

    private Events open(Worker worker, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "")
                + streamPath(worker))).header("Authorization", "Bearer " + agentToken(worker))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return Events.read(request.build());
    }

    private Events openWithQuery(Worker worker, long lastEventId) throws Exception {
        return Events.read(HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "")
                + streamPath(worker) + "?last_event_id=" + lastEventId))
                .header("Authorization", "Bearer " + agentToken(worker)).build());
    }

    /** One SSE event as received. */
    record Event(long id, String type, String data) {
        JsonPath json() {
            return JsonPath.from(data);
        }
    }

    /** The events of one open stream, parsed by a background reader. */
    static final class Events implements AutoCloseable {
        private final HttpResponse<Stream<String>> response;
        private final BlockingQueue<Event> received = new LinkedBlockingQueue<>();

        private Events(HttpResponse<Stream<String>> response) {
            this.response = response;
        }

        static Events read(HttpRequest request) throws Exception {
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
            Events events = new Events(response);
            Thread reader = new Thread(events::parse, "sse-reader");
            reader.setDaemon(true);
            reader.start();
            return events;
        }

        /** The next event, failing when none arrives within the deadline. */
        Event next() {
            return await("next event").atMost(DEADLINE).pollInterval(Duration.ofMillis(10))
                    .until(received::poll, event -> event != null);
        }

        private void parse() {
            String[] field = {null, null};
            StringBuilder data = new StringBuilder();
            try {
                response.body().forEach(line -> {
                    if (line.startsWith("id:")) {
                        field[0] = line.substring(3).trim();
                    } else if (line.startsWith("event:")) {
                        field[1] = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    } else if (line.isEmpty()) {
                        if (field[0] != null && field[1] != null) {
                            received.add(new Event(Long.parseLong(field[0]), field[1], data.toString()));
                        }
                        field[0] = null;
                        field[1] = null;
                        data.setLength(0);
                    }
                });
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        }

        @Override
        public void close() {
            response.body().close();
        }
    }
}
