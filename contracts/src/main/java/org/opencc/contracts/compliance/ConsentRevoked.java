package org.opencc.contracts.compliance;

import java.time.Instant;
import org.opencc.contracts.DomainEvent;
import org.opencc.contracts.Topics;

/**
 * A customer's consent was revoked: from now on, a recording decision for the customer (when it names the customer
 * key) does not record when this is the customer's latest recording consent event. Key: the consent's interaction
 * id, so it follows its {@code consent.captured}; subject: the consent id. Producer: compliance-service.
 *
 * @param consentId the revoked consent
 * @param interactionId the interaction the consent was given in (not where it was revoked)
 * @param customerKey the pseudonymous customer key
 * @param scope the revoked consent's scope
 * @param method how the customer withdrew it, null when not said
 * @param revokedByRole {@code agent}, {@code compliance} or {@code admin}
 * @param workerSid the revoking agent's worker, null under another role
 * @param policyVersion the recording policy in force
 * @param keyId the id of the key that signed the revocation
 * @param revokedAt when
 */
public record ConsentRevoked(String consentId, String interactionId, String customerKey, String scope,
        String method, String revokedByRole, String workerSid, String policyVersion, String keyId,
        Instant revokedAt) implements DomainEvent {
    public static final String TYPE = "consent.revoked";

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
        return interactionId;
    }

    @Override
    public String subject() {
        return consentId;
    }
}
