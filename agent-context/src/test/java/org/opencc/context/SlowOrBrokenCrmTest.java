package org.opencc.context;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/** A slow, failing or garbled CRM costs the desktop its profile, never the answer. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(DemoCrmResource.class)
class SlowOrBrokenCrmTest {
    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @AfterEach
    void healTheCrm() {
        CrmControl.reset();
        // a few failing reads in a row would open the source's circuit for the next test
        circuitBreakers.resetAll();
    }

    @Test
    void aCrmSlowerThanTheDeadlineIsReportedAsTimeoutWithoutHoldingTheAnswer() {
        TaskScenario task = known(new TaskScenario());
        CrmControl.latency(3000);
        long start = System.nanoTime();
        task.read(TaskScenario.role("supervisor")).statusCode(200)
                .body("task_sid", is(task.taskSid))
                .body("customer", nullValue())
                .body("sources[0].name", is("demo-crm"))
                .body("sources[0].status", is("timeout"))
                .body("sources[0].detail", notNullValue())
                .body("sources[0].latency_ms", lessThan(2000));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        // not a performance test: the answer must not wait for the 3 s CRM
        org.junit.jupiter.api.Assertions.assertTrue(elapsedMs < 2000, "answered after " + elapsedMs + " ms");
    }

    @Test
    void aCrmAnsweringHtmlIsReportedAsErrorNamingTheContentType() {
        TaskScenario task = known(new TaskScenario());
        CrmControl.garbage();
        task.read(TaskScenario.role("supervisor")).statusCode(200)
                .body("customer", nullValue())
                .body("sources[0].status", is("error"))
                .body("sources[0].detail", is("content type 'text/html', expected application/json"));
    }

    @Test
    void aCrmFailingWithAServerErrorIsReportedAsError() {
        TaskScenario task = known(new TaskScenario());
        CrmControl.errorRate(1.0);
        task.read(TaskScenario.role("supervisor")).statusCode(200)
                .body("customer", nullValue())
                .body("sources[0].status", is("error"))
                .body("sources[0].detail", is("HTTP 500"));
    }

    @Test
    void aCustomerTheCrmDoesNotKnowIsReportedAsNotFound() {
        TaskScenario task = known(new TaskScenario("ck_unknown_" + TaskScenario.hex(8)));
        task.read(TaskScenario.role("supervisor")).statusCode(200)
                .body("customer", nullValue())
                .body("sources[0].status", is("not_found"));
    }

    /**
     * A task known to the service but never reserved nor read, so nothing is prefetched or cached and the read asks
     * the CRM (read by a supervisor, who needs no reservation).
     */
    private TaskScenario known(TaskScenario task) {
        task.publish(task.created());
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !TaskRows.strings("SELECT task_sid FROM task WHERE task_sid = ?", task.taskSid).isEmpty());
        return task;
    }
}
