package org.opencc.taskrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twilio.rest.taskrouter.v1.workspace.Task;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.erasure.ErasureRequests;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/** An erasure request takes the customer's key out of every task's attributes, and is answered. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class ErasureTest {
    private static final Duration WITHIN = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URL base;

    @Test
    void theCustomerKeyLeavesTheTaskAttributesAndOtherMembersStay() {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        String key = "ck_" + UUID.randomUUID().toString().replace("-", "");
        String otherKey = "ck_" + UUID.randomUUID().toString().replace("-", "");
        Task first = Task.creator(setup.workspaceSid()).setWorkflowSid(setup.workflowSid())
                .setAttributes("{\"channel\":\"sms\",\"customer_key\":\"" + key + "\"}").create(fixtures.client);
        Task second = Task.creator(setup.workspaceSid()).setWorkflowSid(setup.workflowSid())
                .setAttributes("{\"channel\":\"sms\",\"customer_key\":\"" + key + "\",\"note\":\"vip\"}")
                .create(fixtures.client);
        Task other = Task.creator(setup.workspaceSid()).setWorkflowSid(setup.workflowSid())
                .setAttributes("{\"channel\":\"sms\",\"customer_key\":\"" + otherKey + "\"}").create(fixtures.client);

        String request = ErasureRequests.newRequestId();
        ErasureRequests.publish(request, List.of(key), 1);
        assertEquals(2L, ErasureRequests.awaitAnswers(request, "task-router", 1, WITHIN).get(0).records());

        String firstAttributes = Task.fetcher(setup.workspaceSid(), first.getSid()).fetch(fixtures.client)
                .getAttributes();
        String secondAttributes = Task.fetcher(setup.workspaceSid(), second.getSid()).fetch(fixtures.client)
                .getAttributes();
        assertFalse(firstAttributes.contains(key), firstAttributes);
        assertFalse(secondAttributes.contains(key), secondAttributes);
        assertTrue(secondAttributes.contains("\"note\":\"vip\""), "other members stay: " + secondAttributes);
        assertTrue(Task.fetcher(setup.workspaceSid(), other.getSid()).fetch(fixtures.client).getAttributes()
                .contains(otherKey), "another customer's task is untouched");

        ErasureRequests.publish(request, List.of(key), 2);
        assertEquals(0L, ErasureRequests.awaitAnswers(request, "task-router", 2, WITHIN).get(1).records());
    }
}
