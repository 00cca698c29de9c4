package org.opencc.reporting;

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
class StartupTest {
    private static final String DATABASE = "reporting_service_test";
    private static final Schema SCHEMA = new Schema(DATABASE);

    @Test
    void readinessReportsUpIncludingTheDatasource() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void migrationsCreateTheLiveStateTables() throws SQLException {
        assertThat(SCHEMA.columns("live_task"), contains(
                "task_sid", "workspace_sid", "task_queue_sid", "status", "entered_queue_at", "updated_at",
                "worker_sid", "workflow_sid"));
        assertThat(SCHEMA.primaryKey("live_task"), contains("task_sid"));
        assertThat(SCHEMA.columns("live_worker"), contains(
                "worker_sid", "workspace_sid", "available", "task_queue_sids", "updated_at", "friendly_name",
                "activity_name"));
        assertThat(SCHEMA.primaryKey("live_worker"), contains("worker_sid"));
        assertThat(SCHEMA.columns("live_version"), contains("id", "version"));
        assertThat(SCHEMA.columns("queue_live"), empty());
    }

    @Test
    void migrationsCreateTheTaskFactsOfIntervalMetrics() throws SQLException {
        assertThat(SCHEMA.columns("task_fact"), contains("task_sid", "workspace_sid", "task_queue_sid", "channel",
                "workflow_sid", "worker_sid", "entered_queue_at", "accepted_at", "completed_at", "canceled_at",
                "updated_at"));
        assertThat(SCHEMA.primaryKey("task_fact"), contains("task_sid"));
    }

    @Test
    void migrationCreatesTheSharedOutboxTable() throws SQLException {
        assertThat(SCHEMA.columns("outbox_event"), hasItems("id", "topic", "event_key", "payload", "sent_at"));
    }
}
