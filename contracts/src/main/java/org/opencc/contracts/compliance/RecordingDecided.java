package org.opencc.contracts.compliance;

import java.time.Instant;
import org.opencc.contracts.DomainEvent;
import org.opencc.contracts.Topics;

/**
 * A recording decision was taken. Key: decision id (the interaction does not exist yet when the gateway asks).

 *
 * @param decisionId {@code RD} + 32 hex
 * @param channel the channel decided for
 * @param region the deployment region that would hold the recording
 * @param record whether the conversation may be recorded
 * @param consentRequired {@code none}, {@code one-party} or {@code all-party}
 * @param policyVersion the policy file version the decision was taken under
 * @param fromCountry the caller's country, null for a non-geographic number
 * @param fromSubdivision the caller's subdivision, when known
 * @param toCountry the called party's country, null for a non-geographic number
 * @param toSubdivision the called party's subdivision, when known
 * @param decidedAt when it was taken
 */
public record RecordingDecided(String decisionId, String channel, String region, boolean record,
        String consentRequired, String policyVersion, String fromCountry, String fromSubdivision, String toCountry,
        String toSubdivision, Instant decidedAt) implements DomainEvent {
    public static final String TYPE = "compliance.recording.decided";

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
        return decisionId;
    }
}
