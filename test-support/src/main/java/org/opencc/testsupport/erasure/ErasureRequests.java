package org.opencc.testsupport.erasure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencc.contracts.Topics;
import org.opencc.contracts.compliance.ErasureCompleted;
import org.opencc.contracts.compliance.ErasureRequested;

/**
 * Erasure requests as compliance-service publishes them, and the services' answers, for each service's erasure
 * test: {@link #publish} an {@code erasure.requested} to {@code cc.compliance.v1}, then {@link #awaitAnswer} the
 * service's {@code erasure.completed} on {@code cc.compliance-acks.v1}.
 */
public final class ErasureRequests {
    private ErasureRequests() {}

    /** Publishes a request (a fresh {@code ce_id} each time, as compliance-service does for a retry). */
    public static void publish(String requestId, List<String> customerKeys, int attempt) {
        send(new ErasureRequested(requestId, customerKeys, attempt, Instant.now()));
    }

    /** Publishes a service's answer, as that service would (for tests of compliance-service's tracking). */
    public static void answer(String requestId, String service, long records) {
        send(new ErasureCompleted(requestId, service, records, Instant.now()));
    }

    private static void send(org.opencc.contracts.DomainEvent event) {
        ComplianceTopics.send(event);
    }

    /**
     * The answers of {@code service} to {@code requestId}, once at least {@code count} arrived, oldest first.
     *
     * @throws AssertionError when they do not arrive within {@code within}
     */
    public static List<ErasureCompleted> awaitAnswers(String requestId, String service, int count,
            Duration within) {
        return ComplianceTopics.await(Topics.COMPLIANCE_ACKS, requestId, ErasureCompleted.TYPE,
                ErasureCompleted.class, answer -> service.equals(answer.service()), seen -> seen.size() >= count,
                within, service + " did not answer erasure " + requestId + " " + count + " time(s)");
    }

    /** The customer keys of the first {@code erasure.requested} of the request on cc.compliance.v1. */
    public static List<String> awaitPublished(String requestId, Duration within) {
        return requests(requestId, 1, within).get(0).customerKeys();
    }

    /** The highest {@code attempt} published for the request, once it reached {@code attempt}. */
    public static int awaitAttempts(String requestId, int attempt, Duration within) {
        return requests(requestId, attempt, within).stream().mapToInt(ErasureRequested::attempt).max().orElse(0);
    }

    private static List<ErasureRequested> requests(String requestId, int attempt, Duration within) {
        return ComplianceTopics.await(Topics.COMPLIANCE, requestId, ErasureRequested.TYPE, ErasureRequested.class,
                request -> true, seen -> seen.stream().anyMatch(r -> r.attempt() >= attempt), within,
                "erasure " + requestId + " was not published with attempt " + attempt);
    }

    /** A fresh request id ({@code ER} + 32 hex). */
    public static String newRequestId() {
        return "ER" + UUID.randomUUID().toString().replace("-", "");
    }
}
