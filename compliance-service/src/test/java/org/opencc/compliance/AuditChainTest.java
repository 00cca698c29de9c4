package org.opencc.compliance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencc.compliance.AuditEvents.Envelope;
import org.opencc.contracts.Channel;
import org.opencc.contracts.interaction.InteractionCreated;
import org.opencc.contracts.task.TaskCompleted;
import org.opencc.contracts.task.TaskCreated;
import org.opencc.contracts.task.TaskQueueEntered;
import org.opencc.support.ids.Sids;
import org.opencc.testsupport.jwt.JwtMinter;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresDatabase;
import org.opencc.testsupport.postgres.PostgresResource;

/**
 * GET /v1/audit/verify walks the hash chain: intact after appends from events, and it names the first entry
 * someone edited in PostgreSQL, or the entry after one someone deleted. Each tampering test repairs what it
 * broke (the test database is shared by every test and kept between runs).
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class AuditChainTest {
    static final String DATABASE = "compliance_service_test";
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    void entriesAppendedFromEventsOnBothTopicsVerifyAsAnIntactChain() throws SQLException {
        List<Long> ids = publishTaskJourney();

        verify().body("valid", is(true)).body("last_hash", matchesPattern("[0-9a-f]{64}"))
                .body("first_broken_id", nullValue()).body("reason", nullValue());
        long entries = verify().extract().jsonPath().getLong("entries");
        try (Connection db = PostgresDatabase.connect(DATABASE)) {
            assertEquals(List.of(ids.get(0), ids.get(1)), List.of(ids.get(0), ids.get(1)));
            long rows = (Long) valueOf(db, "SELECT count(*) FROM audit_entry WHERE id <= ?", ids.get(2));
            // everything up to the journey's last entry was walked (more may have been appended since)
            assertTrue(entries >= rows, entries + " walked, " + rows + " rows");
            // each entry links to the one before it in id order
            assertEquals(valueOf(db, "SELECT hash FROM audit_entry WHERE id = ?", ids.get(1)),
                    valueOf(db, "SELECT prev_hash FROM audit_entry WHERE id = ?", nextId(db, ids.get(1))));
        }
    }

    @Test
    void anEntryEditedInPostgresIsNamedAsTheFirstBrokenOne() throws SQLException {
        long edited = publishTaskJourney().get(1);
        verify().body("valid", is(true));

        try (Connection db = PostgresDatabase.connect(DATABASE)) {
            String original = (String) valueOf(db, "SELECT event_type FROM audit_entry WHERE id = ?", edited);
            update(db, "UPDATE audit_entry SET event_type = 'x' WHERE id = ?", edited);
            try {
                verify().body("valid", is(false)).body("first_broken_id", is((int) edited))
                        .body("reason", is("hash mismatch")).body("entries", nullValue());
            } finally {
                try (PreparedStatement restore = db.prepareStatement(
                        "UPDATE audit_entry SET event_type = ? WHERE id = ?")) {
                    restore.setString(1, original);
                    restore.setLong(2, edited);
                    restore.executeUpdate();
                }
            }
        }
        verify().body("valid", is(true));
    }

    @Test
    void anEntryDeletedFromTheMiddleBreaksTheLinkOfTheNextOne() throws SQLException {
        long deleted = publishTaskJourney().get(1);
        verify().body("valid", is(true));

        try (Connection db = PostgresDatabase.connect(DATABASE)) {
            long next = nextId(db, deleted);
            // kept in a session-local table, to put it back exactly as it was
            update(db, "CREATE TEMP TABLE deleted_entry AS SELECT * FROM audit_entry WHERE id = ?", deleted);
            update(db, "DELETE FROM audit_entry WHERE id = ?", deleted);
            try {
                verify().body("valid", is(false)).body("first_broken_id", is((int) next))
                        .body("reason", is("prev_hash mismatch"));
            } finally {
                try (Statement restore = db.createStatement()) {
                    restore.executeUpdate("INSERT INTO audit_entry SELECT * FROM deleted_entry");
                }
            }
        }
        verify().body("valid", is(true));
    }

    @Test
    void theMigrationsSqlCanonicalFormHashesLikeTheWriter() throws SQLException {
        // what V3 used to chain the entries that existed before it must agree with AuditChain, byte for byte
        long id = publishTaskJourney().get(0);
        try (Connection db = PostgresDatabase.connect(DATABASE)) {
            assertEquals(valueOf(db, "SELECT hash FROM audit_entry WHERE id = ?", id), valueOf(db,
                    "SELECT encode(sha256(convert_to(audit_chain_canonical(e, e.prev_hash), 'UTF8')), 'hex')"
                            + " FROM audit_entry e WHERE id = ?", id));
        }
    }

    @Test
    void agentsMayNotVerifyTheChain() {
        given().auth().oauth2(JwtMinter.shared().token("agent-" + UUID.randomUUID(), List.of("agent"),
                Sids.next("WK"))).get("/v1/audit/verify").then().statusCode(403);
        given().get("/v1/audit/verify").then().statusCode(401);
    }

    static ValidatableResponse verify() {
        String role = Math.random() < 0.5 ? "admin" : "compliance";
        return given().auth().oauth2(JwtMinter.shared().token(role + "-" + UUID.randomUUID(), List.of(role), null))
                .get("/v1/audit/verify").then().statusCode(200);
    }

    /** Publishes an interaction and three task events; answers the task's entry ids in chain order. */
    private static List<Long> publishTaskJourney() throws SQLException {
        String interaction = Sids.next("IN");
        String task = Sids.next("WT");
        String workspace = Sids.next("WS");
        String queue = Sids.next("WQ");
        String traceparent = AuditEvents.newTraceparent();
        Instant t0 = Instant.now();
        AuditEvents.publish(
                Envelope.of(new InteractionCreated(interaction, Channel.SMS, workspace, Sids.next("WW"),
                        "ck_" + UUID.randomUUID(), "GB", "local", t0), AuditEvents.GATEWAY, traceparent),
                Envelope.of(new TaskCreated(task, workspace, Sids.next("WW"), interaction, "sms", 0, "{}", t0),
                        AuditEvents.ROUTER, traceparent),
                Envelope.of(new TaskQueueEntered(task, workspace, queue, interaction, t0), AuditEvents.ROUTER,
                        traceparent),
                Envelope.of(new TaskCompleted(task, workspace, queue, interaction, "done", t0),
                        AuditEvents.ROUTER, traceparent));
        try (Connection db = PostgresDatabase.connect(DATABASE)) {
            return await().atMost(DEADLINE).until(() -> ids(db, task), hasSize(3));
        }
    }

    private static List<Long> ids(Connection db, String taskSid) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "SELECT id FROM audit_entry WHERE task_sid = ? ORDER BY id")) {
            query.setString(1, taskSid);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    private static long nextId(Connection db, long id) throws SQLException {
        return (Long) valueOf(db, "SELECT min(id) FROM audit_entry WHERE id > ?", id);
    }

    private static Object valueOf(Connection db, String sql, long parameter) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setLong(1, parameter);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getObject(1);
            }
        }
    }

    private static void update(Connection db, String sql, long parameter) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setLong(1, parameter);
            statement.execute();
        }
    }
}
