package org.opencc.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.http.StatusEndpointChecks;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/** service-support's status endpoint, JWT roles and problem+json, as this service serves them. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(FakeTwilioResource.class)
class StatusResourceTest {
    @Test
    void statusWithoutTokenIsAnUnauthenticatedProblem() {
        StatusEndpointChecks.withoutTokenIsUnauthenticated();
    }

    @Test
    void statusForAnAgentIsAForbiddenProblem() {
        StatusEndpointChecks.agentIsForbidden();
    }

    @Test
    void statusForAnAdminNamesTheService() {
        StatusEndpointChecks.adminSeesService("channel-gateway");
    }
}
