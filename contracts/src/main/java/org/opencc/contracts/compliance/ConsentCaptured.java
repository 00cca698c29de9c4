package org.opencc.contracts.compliance;

import java.time.Instant;
import org.opencc.contracts.DomainEvent;
import org.opencc.contracts.Topics;

/**
 * A customer's consent was captured and signed. Key: interaction id (as every {@code cc.compliance.v1} event about an
 * interaction), so a consent's capture and revocation stay in order; subject: the consent id. Producer:
 * compliance-service. Ids, the pseudonymous customer key and names only; who captured it is in the audit trail.
 *
 * @param consentId {@code CN} + 32 hex
 * @param interactionId the interaction it was given in
 * @param customerKey the pseudonymous customer key
 * @param scope {@code recording} or {@code transcription}
 * @param method {@code keypress}, {@code verbal} or {@code web-form}
 * @param capturedByRole {@code agent}, {@code compliance} or {@code admin}
 * @param workerSid the capturing agent's worker, null under another role
 * @param policyVersion the recording policy in force
 * @param keyId the id of the key that signed it ({@code GET /v1/consents/keys})
 * @param capturedAt when
 */
public record ConsentCaptured(String consentId, String interactionId, String customerKey, String scope,
        String method, String capturedByRole, String workerSid, String policyVersion, String keyId,
        Instant capturedAt) implements DomainEvent {
    public static final String TYPE = "consent.captured";

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
