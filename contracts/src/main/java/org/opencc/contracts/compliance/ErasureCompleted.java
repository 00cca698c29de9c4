package org.opencc.contracts.compliance;

import java.time.Instant;
import org.opencc.contracts.DomainEvent;
import org.opencc.contracts.Topics;

/**
 * One service erased (or anonymised) what it held about the customers of an {@link ErasureRequested}. Topic
 * {@link Topics#COMPLIANCE_ACKS}, key: requestId. Producer: every service, in the transaction that erased.
 * Consumer: compliance-service, which tracks the request until every service has answered.
 *
 * @param service the answering service's name, e.g. {@code channel-gateway}
 * @param records how many records (rows, cache entries) it erased or anonymised; 0 when it held nothing
 */
public record ErasureCompleted(String requestId, String service, long records, Instant completedAt)
        implements DomainEvent {
    public static final String TYPE = "erasure.completed";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.COMPLIANCE_ACKS;
    }

    @Override
    public String key() {
        return requestId;
    }
}
