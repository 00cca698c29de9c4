package org.opencc.compliance;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencc.compliance.AuditEvents.Envelope;
import org.opencc.compliance.ContextAuditTest.Read;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresDatabase;
import org.opencc.testsupport.postgres.PostgresResource;

/**
 * Context-read entries (hash form v2: actor_role and detail included) chain like every other entry, and an edit
 * of either new column is named by GET /v1/audit/verify. Each tampering test repairs what it broke (the test
 * database is shared by every test and kept between runs).
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class ContextAuditChainTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    void contextReadEntriesKeepTheChainIntactAndHashInSqlLikeTheWriter() throws SQLException {
        List<Long> ids = publishReads();

        AuditChainTest.verify().body("valid", is(true));
        try (Connection db = PostgresDatabase.connect(AuditChainTest.DATABASE)) {
            for (long id : ids) {
                // V5's audit_chain_canonical, for an auditor with psql, agrees with AuditChain byte for byte
                assertEquals(value(db, "SELECT hash FROM audit_entry WHERE id = ?", id), value(db,
                        "SELECT encode(sha256(convert_to(audit_chain_canonical(e, e.prev_hash), 'UTF8')), 'hex')"
                                + " FROM audit_entry e WHERE id = ?", id));
                assertTrue(value(db, "SELECT audit_chain_canonical(e, e.prev_hash) FROM audit_entry e WHERE id = ?",
                        id).startsWith("audit-entry/v2\n"));
            }
        }
    }

    @Test
    void anEditedDetailIsNamedAsTheFirstBrokenEntry() throws SQLException {
        long served = publishReads().get(0);
        AuditChainTest.verify().body("valid", is(true));

        try (Connection db = PostgresDatabase.connect(AuditChainTest.DATABASE)) {
            String original = value(db, "SELECT detail::text FROM audit_entry WHERE id = ?", served);
            // hiding that a member was served masked
            assertBroken(db, served, "UPDATE audit_entry SET detail = detail - 'masked_fields' WHERE id = ?",
                    () -> update(db, "UPDATE audit_entry SET detail = ?::jsonb WHERE id = ?", original, served));
        }
        AuditChainTest.verify().body("valid", is(true));
    }

    @Test
    void anEditedOrErasedActorRoleOrDetailIsNamedAsTheFirstBrokenEntry() throws SQLException {
        long denied = publishReads().get(1);
        AuditChainTest.verify().body("valid", is(true));

        try (Connection db = PostgresDatabase.connect(AuditChainTest.DATABASE)) {
            String role = value(db, "SELECT actor_role FROM audit_entry WHERE id = ?", denied);
            String detail = value(db, "SELECT detail::text FROM audit_entry WHERE id = ?", denied);
            assertBroken(db, denied, "UPDATE audit_entry SET actor_role = 'supervisor' WHERE id = ?",
                    () -> update(db, "UPDATE audit_entry SET actor_role = ? WHERE id = ?", role, denied));
            // erasing both makes the entry look like one from before V5: its hash form, hence its hash, changes
            assertBroken(db, denied, "UPDATE audit_entry SET actor_role = NULL, detail = NULL WHERE id = ?", () -> {
                update(db, "UPDATE audit_entry SET actor_role = ? WHERE id = ?", role, denied);
                update(db, "UPDATE audit_entry SET detail = ?::jsonb WHERE id = ?", detail, denied);
            });
        }
        AuditChainTest.verify().body("valid", is(true));
    }

    /** Applies the edit, expects verify to name the entry with a hash mismatch, then restores it. */
    private static void assertBroken(Connection db, long id, String edit, Restore restore) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(edit)) {
            statement.setLong(1, id);
            assertEquals(1, statement.executeUpdate());
        }
        try {
            AuditChainTest.verify().body("valid", is(false)).body("first_broken_id", is((int) id))
                    .body("reason", is("hash mismatch"));
        } finally {
            restore.run();
        }
    }

    /** Puts an edited entry back as it was. */
    @FunctionalInterface
    private interface Restore {
        void run() throws SQLException;
    }

    private static void update(Connection db, String sql, String value, long id) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, value);
            statement.setLong(2, id);
            assertEquals(1, statement.executeUpdate());
        }
    }

    /** Publishes a served and a refused read by one agent; answers their entry ids (served, then refused). */
    private static List<Long> publishReads() throws SQLException {
        Read served = new Read();
        Read refused = served.sameReaderOtherTask();
        Instant now = Instant.now();
        AuditEvents.publish(
                Envelope.of(served.served(now), AuditEvents.AGENT_CONTEXT, AuditEvents.newTraceparent()),
                Envelope.of(refused.denied(now), AuditEvents.AGENT_CONTEXT, AuditEvents.newTraceparent()));
        try (Connection db = PostgresDatabase.connect(AuditChainTest.DATABASE)) {
            await().atMost(DEADLINE).until(() -> ids(db, served.reader), hasSize(2));
            return List.of(id(db, served.task), id(db, refused.task));
        }
    }

    private static List<Long> ids(Connection db, String actor) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT id FROM audit_entry WHERE actor = ?")) {
            query.setString(1, actor);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    private static long id(Connection db, String taskSid) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT id FROM audit_entry WHERE task_sid = ?")) {
            query.setString(1, taskSid);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String value(Connection db, String sql, long id) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setLong(1, id);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
