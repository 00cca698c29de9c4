package org.opencc.context;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencc.context.cache.CachedProfile;
import org.opencc.context.cache.ContextCache;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/** A CRM failing again and again is no longer asked for a while; its last cached profile answers instead. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(DemoCrmResource.class)
class CircuitBreakerTest {
    private static final String SOURCE = "demo-crm";
    private static final String SUPERVISOR = TaskScenario.role("supervisor");

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @Inject
    ContextCache cache;

    @AfterEach
    void healTheCrm() {
        CrmControl.reset();
        circuitBreakers.resetAll();
    }

    @Test
    void aCrmFailingRepeatedlyOpensItsCircuitAndIsNoLongerCalled() {
        TaskScenario task = known(new TaskScenario());
        CrmControl.errorRate(1.0);
        // %test opens the circuit after 3 failures in a row
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                task.read(SUPERVISOR).statusCode(200).body("sources[0].status", is("circuit-open")));

        long before = CrmControl.requests();
        task.read(SUPERVISOR).statusCode(200)
                .body("customer", is((Object) null))
                .body("sources[0].status", is("circuit-open"))
                .body("sources[0].detail", notNullValue())
                .body("sources[0].latency_ms", lessThan(100));
        assertEquals(before + 1, CrmControl.requests(), "the open circuit still let a call through");
    }

    @Test
    void aFailingCrmWithAnOlderCachedProfileAnswersItLabelledStale() {
        TaskScenario task = known(new TaskScenario());
        Instant fetchedAt = Instant.now().minus(Duration.ofMinutes(5)); // older than cache-fresh-for (2m)
        cache.put(task.taskSid, SOURCE, new CachedProfile(Map.of("display_name", "Cached Customer"), fetchedAt),
                Duration.ofMinutes(10));
        CrmControl.errorRate(1.0);

        task.read(SUPERVISOR).statusCode(200)
                .body("customer.display_name", is("Cached Customer"))
                .body("sources[0].status", is("stale"))
                .body("sources[0].detail", is("error: HTTP 500"))
                .body("sources[0].fetched_at", notNullValue())
                .body("sources[0].age_ms", greaterThanOrEqualTo(300_000));
    }

    @Test
    void anOpenCircuitWithACachedProfileAnswersItLabelledStaleWithoutCallingTheCrm() {
        TaskScenario opener = known(new TaskScenario());
        CrmControl.errorRate(1.0);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                opener.read(SUPERVISOR).statusCode(200).body("sources[0].status", is("circuit-open")));
        TaskScenario task = known(new TaskScenario());
        cache.put(task.taskSid, SOURCE, new CachedProfile(Map.of("display_name", "Cached Customer"),
                Instant.now().minus(Duration.ofMinutes(3))), Duration.ofMinutes(10));

        long before = CrmControl.requests();
        task.read(SUPERVISOR).statusCode(200)
                .body("customer.display_name", is("Cached Customer"))
                .body("sources[0].status", is("stale"))
                .body("sources[0].detail", startsWith("circuit-open: "))
                .body("sources[0].age_ms", greaterThanOrEqualTo(180_000));
        assertEquals(before + 1, CrmControl.requests(), "the open circuit still let a call through");
    }

    @Test
    void aFlappingCrmNeverOpensTheCircuitAndEveryReadHasAProfileFreshOrStale() {
        CrmControl.errorRate(0.5); // every second request fails: never the 3 in a row that open the circuit
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            TaskScenario task = known(new TaskScenario());
            cache.put(task.taskSid, SOURCE, new CachedProfile(Map.of("display_name", "Cached Customer"),
                    Instant.now().minus(Duration.ofMinutes(5))), Duration.ofMinutes(10));
            statuses.add(task.read(SUPERVISOR).statusCode(200)
                    .body("customer.display_name", notNullValue())
                    .extract().path("sources[0].status"));
        }
        assertThat(statuses, everyItem(is(oneOf("ok", "stale"))));
        assertThat(statuses, hasItems("ok", "stale"));
    }

    /** A task never reserved, so nothing is prefetched: the supervisor's read asks the CRM. */
    private static TaskScenario known(TaskScenario task) {
        task.publish(task.created());
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !TaskRows.strings("SELECT task_sid FROM task WHERE task_sid = ?", task.taskSid).isEmpty());
        return task;
    }
}
