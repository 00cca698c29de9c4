package org.opencc.contracts.compliance;

import java.time.Instant;
import java.util.List;
import org.opencc.contracts.DomainEvent;
import org.opencc.contracts.Topics;

/**
 * A data subject asked to be forgotten: every service erases or anonymises what it holds about these customers and
 * answers with {@link ErasureCompleted}. Only pseudonymous customer keys travel (compliance-service derives them
 * from the phone numbers and e-mail addresses of the request with the gateway's keyed-hash rule); the identifiers
 * themselves never reach a topic. Topic {@link Topics#COMPLIANCE}, key: requestId. Producer: compliance-service
 * (again for services that have not answered in time: handlers must be idempotent). Consumers: every service.
 *
 * @param requestId {@code ER} + 32 hex
 * @param customerKeys the customers to forget
 * @param attempt 1 for the first publication, more for a retry to stragglers
 */
public record ErasureRequested(String requestId, List<String> customerKeys, int attempt, Instant requestedAt)
        implements DomainEvent {
    public static final String TYPE = "erasure.requested";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.COMPLIANCE;
    }

    @Override
    public String key() {
        return requestId;
    }
}
