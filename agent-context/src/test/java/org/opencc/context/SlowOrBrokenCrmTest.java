package org.opencc.context;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencc.support.ids.Sids;
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
    private final String alice = Sids.next("WK");

    @AfterEach
    void healTheCrm() {
        CrmControl.reset();
    }

    @Test
    void aCrmSlowerThanTheDeadlineIsReportedAsTimeoutWithoutHoldingTheAnswer() {
        TaskScenario task = reservedToAlice(new TaskScenario());
        CrmControl.latency(3000);
        long start = System.nanoTime();
        task.read(TaskScenario.agent(alice)).statusCode(200)
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
    void aCrmAnsweringSomethingOtherThanJsonIsReportedAsError() {
        TaskScenario task = reservedToAlice(new TaskScenario());
        CrmControl.garbage();
        task.read(TaskScenario.agent(alice)).statusCode(200)
                .body("customer", nullValue())
                .body("sources[0].status", is("error"))
                .body("sources[0].detail", is("the body is not a JSON object"));
    }

    @Test
    void aCrmFailingWithAServerErrorIsReportedAsError() {
        TaskScenario task = reservedToAlice(new TaskScenario());
        CrmControl.errorRate(1.0);
        task.read(TaskScenario.agent(alice)).statusCode(200)
                .body("customer", nullValue())
                .body("sources[0].status", is("error"))
                .body("sources[0].detail", is("HTTP 500"));
    }

    @Test
    void aCustomerTheCrmDoesNotKnowIsReportedAsNotFound() {
        TaskScenario task = reservedToAlice(new TaskScenario("ck_unknown_" + TaskScenario.hex(8)));
        task.read(TaskScenario.agent(alice)).statusCode(200)
                .body("customer", nullValue())
                .body("sources[0].status", is("not_found"));
    }

    private TaskScenario reservedToAlice(TaskScenario task) {
        task.publish(task.created(), task.reserved(Sids.next("WR"), alice));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                task.read(TaskScenario.agent(alice)).statusCode(200));
        return task;
    }
}
