package org.opencc.contracts.compliance;

import java.time.Instant;
import org.opencc.contracts.DomainEvent;
import org.opencc.contracts.Topics;

/**
 * One service purged what it held of a {@link PurgeRequested}'s data class from before its cutoffs. Topic
 * {@link Topics#COMPLIANCE_ACKS}, key: purgeId. Producer: every service, in the transaction that purged. Consumer:
 * compliance-service, whose purge report shows what was purged, when, by which policy.
 *
 * @param service the answering service's name, e.g. {@code channel-gateway}
 * @param dataClass the purged class, as requested
 * @param records how many records (rows, cache entries) it deleted or redacted; 0 when it held none
 */
public record PurgeCompleted(String purgeId, String service, String dataClass, long records, Instant completedAt)
        implements DomainEvent {
    public static final String TYPE = "retention.purge.completed";

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
        return purgeId;
    }
}
