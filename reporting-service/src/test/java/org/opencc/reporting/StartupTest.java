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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresDatabase;
import org.opencc.testsupport.postgres.PostgresResource;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class StartupTest {
    private static final String DATABASE = "reporting_service_test";

    @Test
    void readinessReportsUpIncludingTheDatasource() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void migrationsCreateTheLiveStateTables() throws SQLException {
        assertThat(columns("live_task"), contains(
                "task_sid", "workspace_sid", "task_queue_sid", "status", "entered_queue_at", "updated_at"));
        assertThat(primaryKey("live_task"), contains("task_sid"));
        assertThat(columns("live_worker"), contains(
                "worker_sid", "workspace_sid", "available", "task_queue_sids", "updated_at"));
        assertThat(primaryKey("live_worker"), contains("worker_sid"));
        assertThat(columns("live_version"), contains("id", "version"));
        assertThat(columns("queue_live"), empty());
    }

    @Test
    void migrationsCreateTheTaskFactsOfIntervalMetrics() throws SQLException {
        assertThat(columns("task_fact"), contains("task_sid", "workspace_sid", "task_queue_sid", "channel",
                "workflow_sid", "worker_sid", "entered_queue_at", "accepted_at", "completed_at", "canceled_at",
                "updated_at"));
        assertThat(primaryKey("task_fact"), contains("task_sid"));
    }

    @Test
    void migrationCreatesTheSharedOutboxTable() throws SQLException {
        assertThat(columns("outbox_event"), hasItems("id", "topic", "event_key", "payload", "sent_at"));
    }

    private static List<String> columns(String table) throws SQLException {
        return strings("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position", table);
    }

    private static List<String> primaryKey(String table) throws SQLException {
        return strings("SELECT k.column_name FROM information_schema.table_constraints c"
                + " JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name"
                + " AND k.table_schema = c.table_schema"
                + " WHERE c.table_schema = 'public' AND c.table_name = ? AND c.constraint_type = 'PRIMARY KEY'"
                + " ORDER BY k.ordinal_position", table);
    }

    private static List<String> strings(String sql, String parameter) throws SQLException {
        try (Connection db = PostgresDatabase.connect(DATABASE); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }
}
