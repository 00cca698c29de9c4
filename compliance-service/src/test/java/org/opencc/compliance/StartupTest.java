package org.opencc.compliance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
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
    private static final String DATABASE = "compliance_service_test";

    @Test
    void readinessReportsUpIncludingTheDatasource() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void migrationsCreateTheAuditEntryTableWithItsIdsAndChain() throws SQLException {
        assertThat(columns("audit_entry"), contains(
                "id", "event_id", "topic", "event_type", "subject", "actor", "occurred_at", "recorded_at",
                "interaction_id", "task_sid", "worker_sid", "reservation_sid", "trace_id", "prev_hash", "hash"));
        assertThat(primaryKey("audit_entry"), contains("id"));
        assertThat(uniqueColumns("audit_entry"), contains("event_id"));
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
        return constrained(table, "PRIMARY KEY");
    }

    private static List<String> uniqueColumns(String table) throws SQLException {
        return constrained(table, "UNIQUE");
    }

    private static List<String> constrained(String table, String constraintType) throws SQLException {
        return strings("SELECT k.column_name FROM information_schema.table_constraints c"
                + " JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name"
                + " AND k.table_schema = c.table_schema"
                + " WHERE c.table_schema = 'public' AND c.table_name = ? AND c.constraint_type = ?"
                + " ORDER BY k.ordinal_position", table, constraintType);
    }

    private static List<String> strings(String sql, String... parameters) throws SQLException {
        try (Connection db = PostgresDatabase.connect(DATABASE); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
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
