package org.opencc.testsupport.erasure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencc.contracts.Topics;
import org.opencc.contracts.compliance.PurgeCompleted;
import org.opencc.contracts.compliance.PurgeRequested;

/**
 * Retention purges as compliance-service publishes them, and the services' answers, for each service's retention
 * test, as {@link ErasureRequests} does for erasures: {@link #publish} a {@code retention.purge.requested} to
 * {@code cc.compliance.v1}, then {@link #awaitAnswers} the {@code retention.purge.completed} on
 * {@code cc.compliance-acks.v1}.
 */
public final class PurgeRequests {
    private PurgeRequests() {}

    /** A fresh purge id ({@code PG} + 32 hex). */
    public static String newPurgeId() {
        return "PG" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A purge of {@code dataClass} as the retention scheduler would request it (requested now). */
    public static PurgeRequested request(String purgeId, String dataClass, Instant defaultCutoff,
            Map<String, Instant> countryCutoffs, List<String> heldCustomerKeys, List<String> heldInteractionIds,
            int attempt) {
        return new PurgeRequested(purgeId, dataClass, "test-policy", defaultCutoff, countryCutoffs,
                heldCustomerKeys, heldInteractionIds, attempt, Instant.now());
    }

    /** Publishes a purge request (a fresh {@code ce_id} each time, as compliance-service does for a retry). */
    public static void publish(PurgeRequested purge) {
        ComplianceTopics.send(purge);
    }

    /**
     * The answers of {@code service} to {@code purgeId}, once at least {@code count} arrived, oldest first.
     *
     * @throws AssertionError when they do not arrive within {@code within}
     */
    public static List<PurgeCompleted> awaitAnswers(String purgeId, String service, int count, Duration within) {
        return ComplianceTopics.await(Topics.COMPLIANCE_ACKS, purgeId, PurgeCompleted.TYPE, PurgeCompleted.class,
                answer -> service.equals(answer.service()), seen -> seen.size() >= count, within,
                service + " did not answer purge " + purgeId + " " + count + " time(s)");
    }
}
