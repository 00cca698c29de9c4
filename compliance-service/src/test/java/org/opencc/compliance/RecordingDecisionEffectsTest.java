package org.opencc.compliance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.Topics;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresDatabase;
import org.opencc.testsupport.postgres.PostgresResource;

/**
 * What a recording decision leaves behind (a row without numbers, an event on cc.compliance.v1, an audit entry
 * in the chain), and the requests it refuses.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class RecordingDecisionEffectsTest {
    private static final String PROBLEMS = "https://opencc.dev/problems/";

    @Test
    void aDecisionIsStoredPublishedAndAuditedWithoutTheNumbers() throws Exception {
        String id = RecordingDecisionTest.decide(RecordingDecisionTest.NEW_YORK, RecordingDecisionTest.SAN_FRANCISCO,
                "voice", "us").statusCode(201).extract().path("decision_id");

        try (Connection db = PostgresDatabase.connect(AuditChainTest.DATABASE);
                PreparedStatement query = db.prepareStatement("SELECT * FROM recording_decision WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                assertEquals("US", rs.getString("from_country"));
                assertEquals("NY", rs.getString("from_subdivision"));
                assertEquals("CA", rs.getString("to_subdivision"));
                assertEquals("all-party", rs.getString("consent_required"));
                assertEquals("defaults-2026.1", rs.getString("policy_version"));
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    row.append(rs.getString(c)).append('|');
                }
                assertNoNumbers(row.toString());
            }
        }

        ConsumerRecord<String, String> event = await().atMost(Duration.ofSeconds(30))
                .until(() -> AuditEvents.firstWithKey(Topics.COMPLIANCE, id), Optional::isPresent).get();
        assertEquals("compliance.recording.decided", header(event, "ce_type"));
        JsonNode value = new ObjectMapper().readTree(event.value());
        assertEquals(id, value.path("decision_id").asText());
        assertEquals("all-party", value.path("consent_required").asText());
        assertEquals("NY", value.path("from_subdivision").asText());
        assertNoNumbers(event.value());

        AuditChainTest.verify().body("valid", is(true));
        try (Connection db = PostgresDatabase.connect(AuditChainTest.DATABASE);
                PreparedStatement query = db.prepareStatement(
                        "SELECT event_id, topic, event_type FROM audit_entry WHERE subject = ?")) {
            query.setString(1, id);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                assertEquals(header(event, "ce_id"), rs.getString("event_id"));
                assertEquals(Topics.COMPLIANCE, rs.getString("topic"));
                assertEquals("compliance.recording.decided", rs.getString("event_type"));
                assertFalse(rs.next());
            }
        }
    }

    @Test
    void malformedNumbersAreValidationProblemsNamingTheField() {
        for (String malformed : List.of("12127363100", "+1 212 736 3100", "+1212", "+447700900123", "tel:+1212")) {
            invalid(Map.of("from", malformed, "to", RecordingDecisionTest.LONDON, "channel", "voice",
                    "region", "local")).body("errors.field", contains("from"));
            invalid(Map.of("from", RecordingDecisionTest.LONDON, "to", malformed, "channel", "voice",
                    "region", "local")).body("errors.field", contains("to"));
        }
    }

    @Test
    void anUnknownRegionOrChannelIsAValidationProblemNamingIt() {
        invalid(Map.of("from", RecordingDecisionTest.LONDON, "to", RecordingDecisionTest.BERLIN, "channel", "voice",
                "region", "mars")).body("errors.field", contains("region"));
        invalid(Map.of("from", RecordingDecisionTest.LONDON, "to", RecordingDecisionTest.BERLIN, "channel", "fax",
                "region", "eu")).body("errors.field", contains("channel"));
        invalid(Map.of()).body("errors.field", containsInAnyOrder("from", "to", "channel", "region"));
    }

    @Test
    void aRefusedNumberIsNotEchoedInTheProblem() {
        String body = invalid(Map.of("from", "+1212736310", "to", RecordingDecisionTest.LONDON, "channel", "voice",
                "region", "local")).extract().asString();
        assertThat(body, not(containsString("1212736310")));
    }

    @Test
    void onlyAdminsMayAskForADecision() {
        Map<String, String> body = Map.of("from", RecordingDecisionTest.LONDON, "to", RecordingDecisionTest.BERLIN,
                "channel", "voice", "region", "local");
        for (String role : List.of("compliance", "supervisor")) {
            given().auth().oauth2(RecordingDecisionTest.token(role)).contentType(ContentType.JSON).body(body)
                    .post("/v1/recording-decisions").then().statusCode(403).body("type", is(PROBLEMS + "forbidden"));
        }
        given().contentType(ContentType.JSON).body(body).post("/v1/recording-decisions").then().statusCode(401);
    }

    private static ValidatableResponse invalid(Map<String, String> body) {
        return given().auth().oauth2(RecordingDecisionTest.token("admin")).contentType(ContentType.JSON)
                .body(new HashMap<>(body)).post("/v1/recording-decisions").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", is(PROBLEMS + "validation-failed"));
    }

    private static void assertNoNumbers(String text) {
        for (String number : List.of(RecordingDecisionTest.NEW_YORK, RecordingDecisionTest.SAN_FRANCISCO)) {
            assertFalse(text.contains(number.substring(1)), text);
            assertFalse(text.contains(number.substring(2, 5) + number.substring(5)), text);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
