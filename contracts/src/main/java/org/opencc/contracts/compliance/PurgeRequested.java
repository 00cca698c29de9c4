package org.opencc.contracts.compliance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.opencc.contracts.DomainEvent;
import org.opencc.contracts.Topics;

/**
 * Retention expired for a data class: every service deletes or redacts what it holds of that class from before
 * the cutoff, except what a legal hold protects, and answers with {@link PurgeCompleted} (0 records when it holds
 * none of the class). Topic {@link Topics#COMPLIANCE}, key: purgeId. Producer: compliance-service's retention
 * scheduler (again for services that have not answered in time: handlers must be idempotent). Consumers: every
 * service.
 *
 * @param purgeId {@code PG} + 32 hex
 * @param dataClass {@code recordings}, {@code transcripts}, {@code messages}, {@code context_snapshots} or
 *     {@code audit}, as the policy file names them
 * @param policyVersion the policy whose retention periods set the cutoffs
 * @param defaultCutoff purge data of this class created before this instant when its country is unknown or has
 *     no entry of its own: the shortest retention of the class in the policy
 * @param countryCutoffs by ISO 3166 alpha-2 country of the customer: purge data created before this instant (the
 *     shortest retention among the country's entries, subdivisions included)
 * @param heldCustomerKeys customers under a legal hold: nothing of theirs is purged
 * @param heldInteractionIds interactions under a legal hold: nothing of theirs is purged
 * @param attempt 1 for the first publication, more for a retry to stragglers
 */
public record PurgeRequested(String purgeId, String dataClass, String policyVersion, Instant defaultCutoff,
        Map<String, Instant> countryCutoffs, List<String> heldCustomerKeys, List<String> heldInteractionIds,
        int attempt, Instant requestedAt) implements DomainEvent {
    public static final String TYPE = "retention.purge.requested";

    /** The cutoff for data of a customer of {@code country} (null: unknown). */
    public Instant cutoffFor(String country) {
        Instant own = country == null ? null : countryCutoffs.get(country);
        return own != null ? own : defaultCutoff;
    }

    /** Whether a legal hold protects data of this customer or interaction (either may be null). */
    public boolean isHeld(String customerKey, String interactionId) {
        return customerKey != null && heldCustomerKeys.contains(customerKey)
                || interactionId != null && heldInteractionIds.contains(interactionId);
    }

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
        return purgeId;
    }
}
