package org.opencc.context;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opencc.context.cache.ContextCache;
import org.opencc.support.ids.Sids;
import org.opencc.testsupport.crm.DemoCrm;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/** reservation.created prefetches the context into the cache; the end of the reservation removes it. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(DemoCrmResource.class)
class PrefetchTest {
    private static final String SOURCE = "demo-crm";
    private static final Pattern HITS = Pattern.compile(
            "(?m)^context_prefetch_hits_total\\{[^}]*source=\"demo-crm\"[^}]*} ([0-9.E]+)");

    @Inject
    ContextCache cache;

    private final String alice = Sids.next("WK");

    @Test
    void aReadAfterTheReservationIsCreatedIsServedFromThePrefetchedContextWithoutCallingTheCrm() {
        TaskScenario task = new TaskScenario();
        task.publish(task.created(), task.reserved(Sids.next("WR"), alice));
        await().atMost(Duration.ofSeconds(30)).until(() -> cache.get(task.taskSid, SOURCE).isPresent());
        double hitsBefore = hits();

        long before = CrmControl.requests();
        task.read(TaskScenario.agent(alice)).statusCode(200)
                .body("customer.customer_key", is(task.customerKey))
                .body("customer.display_name", is(DemoCrm.profile(task.customerKey).get("display_name").asText()))
                .body("sources[0].name", is(SOURCE))
                .body("sources[0].status", is("ok"))
                .body("sources[0].fetched_at", notNullValue())
                .body("sources[0].age_ms", greaterThanOrEqualTo(0));
        // the only request the CRM saw since is the second look at its counter
        assertEquals(before + 1, CrmControl.requests());
        double hitsAfter = hits();
        assertTrue(hitsAfter >= hitsBefore + 1,
                "context_prefetch_hits_total did not grow: " + hitsBefore + " -> " + hitsAfter + "\n" + prefetchLines());
    }

    @Test
    void aRejectedReservationRemovesThePrefetchedContext() {
        TaskScenario task = new TaskScenario();
        String reservation = Sids.next("WR");
        task.publish(task.created(), task.reserved(reservation, alice));
        await().atMost(Duration.ofSeconds(30)).until(() -> cache.get(task.taskSid, SOURCE).isPresent());

        task.publish(task.rejected(reservation, alice));
        await().atMost(Duration.ofSeconds(30)).until(() -> cache.get(task.taskSid, SOURCE).isEmpty());
    }

    @Test
    void aCompletedTaskRemovesThePrefetchedContext() {
        TaskScenario task = new TaskScenario();
        String reservation = Sids.next("WR");
        task.publish(task.created(), task.reserved(reservation, alice));
        await().atMost(Duration.ofSeconds(30)).until(() -> cache.get(task.taskSid, SOURCE).isPresent());

        task.publish(task.accepted(reservation, alice), task.completed());
        await().atMost(Duration.ofSeconds(30)).until(() -> cache.get(task.taskSid, SOURCE).isEmpty());
    }

    private static String prefetchLines() {
        return RestAssured.get("/q/metrics").then().extract().asString().lines()
                .filter(line -> line.contains("prefetch")).reduce("", (a, b) -> a + b + "\n");
    }

    private static double hits() {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = HITS.matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
