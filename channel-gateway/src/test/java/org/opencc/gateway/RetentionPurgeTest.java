package org.opencc.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.compliance.PurgeCompleted;
import org.opencc.testsupport.erasure.PurgeRequests;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/**
 * A retention purge of {@code messages} redacts the interactions created before their country's cutoff (the
 * number → {@code purged}, every message text gone, the conversation closed), spares what a legal hold names and
 * what is younger than the cutoff, and is answered on cc.compliance-acks.v1 with the number of rows it changed; a
 * data class the gateway does not hold is answered with 0 and changes nothing.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(FakeTwilioResource.class)
class RetentionPurgeTest {
    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Test
    void interactionsOlderThanTheirCountrysCutoffAreRedactedUnlessHeld() {
        String to = Webhooks.phoneNumber();
        Numbers.map(to);
        String old = interaction(Webhooks.phoneNumber(), null, to, "my card is 4111 1111 1111 1111",
                "please call me back");
        String heldCustomer = interaction(Webhooks.phoneNumber(), null, to, "held by customer");
        String heldInteraction = interaction(Webhooks.phoneNumber(), null, to, "held by interaction");
        String recent = interaction(Webhooks.phoneNumber(), null, to, "recent");
        String britishOld = interaction(Webhooks.phoneNumber(), "GB", to, "old enough for GB");
        String britishKept = interaction(Webhooks.phoneNumber(), "GB", to, "kept longer in GB");
        age(old, 400);
        age(heldCustomer, 400);
        age(heldInteraction, 400);
        age(britishOld, 800);
        age(britishKept, 400);
        assertEquals("GB", text("SELECT country FROM interaction WHERE id = ?", britishKept));

        Instant now = Instant.now();
        String purgeId = PurgeRequests.newPurgeId();
        List<String> heldKeys = List.of(text("SELECT customer_key FROM interaction WHERE id = ?", heldCustomer));
        Map<String, Instant> countries = Map.of("GB", now.minus(Duration.ofDays(730)));
        PurgeRequests.publish(PurgeRequests.request(purgeId, "messages", now.minus(Duration.ofDays(365)), countries,
                heldKeys, List.of(heldInteraction), 1));
        PurgeCompleted answer = PurgeRequests.awaitAnswers(purgeId, "channel-gateway", 1, WITHIN).get(0);
        assertEquals("messages", answer.dataClass());
        assertEquals(5, answer.records(), "two messages and the interaction, one GB message and its interaction");

        assertRedacted(old);
        assertRedacted(britishOld);
        assertUntouched(heldCustomer, "held by customer");
        assertUntouched(heldInteraction, "held by interaction");
        assertUntouched(recent, "recent");
        assertUntouched(britishKept, "kept longer in GB");

        PurgeRequests.publish(PurgeRequests.request(purgeId, "messages", now.minus(Duration.ofDays(365)), countries,
                heldKeys, List.of(heldInteraction), 2));
        assertEquals(0L, PurgeRequests.awaitAnswers(purgeId, "channel-gateway", 2, WITHIN).get(1).records(),
                "a retry purges nothing new and is answered again");
    }

    @Test
    void aDataClassTheGatewayDoesNotHoldIsAnsweredWithNothingPurged() {
        String to = Webhooks.phoneNumber();
        Numbers.map(to);
        // recent, yet before the cutoff below: a purge of messages would take it
        String interaction = interaction(Webhooks.phoneNumber(), null, to, "not a recording");

        String purgeId = PurgeRequests.newPurgeId();
        PurgeRequests.publish(PurgeRequests.request(purgeId, "recordings", Instant.now().plus(Duration.ofDays(1)),
                Map.of(), List.of(), List.of(), 1));
        PurgeCompleted answer = PurgeRequests.awaitAnswers(purgeId, "channel-gateway", 1, WITHIN).get(0);
        assertEquals("recordings", answer.dataClass());
        assertEquals(0, answer.records());
        assertUntouched(interaction, "not a recording");
    }

    /**
     * An interaction opened by signed webhooks from {@code from}, one message per body (one conversation);
     * {@code fromCountry} is Twilio's {@code FromCountry} (null: the fixture's, US).
     */
    private static String interaction(String from, String fromCountry, String to, String... bodies) {
        String first = null;
        for (String body : bodies) {
            String sid = Webhooks.messageSid();
            first = first == null ? sid : first;
            var params = Webhooks.sms(sid, from, to, body);
            if (fromCountry != null) {
                params.put("FromCountry", fromCountry);
            }
            Webhooks.postSigned(params).then().statusCode(200);
        }
        String id = GatewayRows.interactionId(first).orElseThrow();
        assertEquals(bodies.length, GatewayRows.messagesOf(id));
        return id;
    }

    /** Moves an interaction and its messages {@code days} into the past, as if it had been stored then. */
    private static void age(String interactionId, int days) {
        String interval = days + " days";
        GatewayRows.execute("UPDATE interaction SET created_at = created_at - ?::interval, updated_at = updated_at"
                + " - ?::interval, last_message_at = last_message_at - ?::interval, last_inbound_at = last_inbound_at"
                + " - ?::interval WHERE id = ?", interval, interval, interval, interval, interactionId);
        GatewayRows.execute("UPDATE message SET created_at = created_at - ?::interval, updated_at = updated_at"
                + " - ?::interval WHERE interaction_id = ?", interval, interval, interactionId);
    }

    private static void assertRedacted(String interactionId) {
        assertEquals("purged", text("SELECT customer_address FROM interaction WHERE id = ?", interactionId));
        assertTrue(GatewayRows.text("SELECT body FROM interaction WHERE id = ?", interactionId).isEmpty());
        assertEquals("0", text("SELECT count(*) FROM message WHERE interaction_id = ? AND body IS NOT NULL",
                interactionId), "no message text is left");
        assertTrue(GatewayRows.text("SELECT ended_at::text FROM interaction WHERE id = ?", interactionId)
                .isPresent(), "the conversation is closed");
    }

    private static void assertUntouched(String interactionId, String body) {
        assertTrue(text("SELECT customer_address FROM interaction WHERE id = ?", interactionId).startsWith("+"),
                "the number is kept");
        assertEquals(body, text("SELECT body FROM interaction WHERE id = ?", interactionId));
        assertEquals(body, text("SELECT string_agg(body, '|') FROM message WHERE interaction_id = ?",
                interactionId));
        assertTrue(GatewayRows.text("SELECT ended_at::text FROM interaction WHERE id = ?", interactionId)
                .isEmpty(), "the conversation is not closed by the purge");
    }

    private static String text(String sql, String... args) {
        return GatewayRows.text(sql, args).orElseThrow();
    }
}
