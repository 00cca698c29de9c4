package org.opencc.context;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
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
@WithTestResource(DemoCrmResource.class)
class StartupTest {
    private static final String DATABASE = "agent_context_test";
    private static final Schema SCHEMA = new Schema(DATABASE);

    @Test
    void readinessReportsUpIncludingTheDatasource() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void migrationsCreateTheTaskAndReservationViewsInPlaceOfTaskAssignment() throws SQLException {
        assertThat(SCHEMA.columns("task"), contains("task_sid", "workspace_sid", "interaction_id", "customer_key",
                "channel", "root_traceparent", "status", "created_at", "updated_at", "attributes", "task_queue_sid",
                "worker_sid", "outcome", "outcome_reason", "ended_at"));
        assertThat(SCHEMA.columns("interaction"), contains("interaction_id", "customer_key", "channel",
                "workspace_sid", "region", "created_at"));
        assertThat(SCHEMA.primaryKey("task"), contains("task_sid"));
        assertThat(SCHEMA.columns("reservation"), contains(
                "reservation_sid", "task_sid", "worker_sid", "status", "updated_at"));
        assertThat(SCHEMA.primaryKey("reservation"), contains("reservation_sid"));
        assertThat(SCHEMA.columns("task_assignment"), empty());
    }

    @Test
    void migrationCreatesTheSharedOutboxTable() throws SQLException {
        assertThat(SCHEMA.columns("outbox_event"), hasItems("id", "topic", "event_key", "payload", "sent_at"));
    }
}
