package org.opencc.compliance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;
import org.opencc.testsupport.postgres.Schema;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class StartupTest {
    private static final String DATABASE = "compliance_service_test";
    private static final Schema SCHEMA = new Schema(DATABASE);

    @Test
    void readinessReportsUpIncludingTheDatasource() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void migrationsCreateTheAuditEntryTableWithItsIdsChainAndReaderDetail() throws SQLException {
        assertThat(SCHEMA.columns("audit_entry"), contains(
                "id", "event_id", "topic", "event_type", "subject", "actor", "occurred_at", "recorded_at",
                "interaction_id", "task_sid", "worker_sid", "reservation_sid", "trace_id", "prev_hash", "hash",
                "actor_role", "detail"));
        assertThat(SCHEMA.primaryKey("audit_entry"), contains("id"));
        assertThat(SCHEMA.uniqueColumns("audit_entry"), contains("event_id"));
    }

    @Test
    void migrationCreatesTheSharedOutboxTable() throws SQLException {
        assertThat(SCHEMA.columns("outbox_event"), hasItems("id", "topic", "event_key", "payload", "sent_at"));
    }
}
