package org.opencc.compliance.retention;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A legal hold: while it is active, no retention purge touches the data of its customer or interaction.
 *
 * @param holdId {@code LH} + 32 hex
 * @param customerKey the held customer's pseudonymous key, or null for a hold on an interaction
 * @param interactionId the held interaction, or null for a hold on a customer
 * @param reason why, as given (at most 500 characters)
 * @param createdBy the JWT subject that placed it
 * @param releasedBy the JWT subject that released it, null while active
 * @param releasedAt null while active
 */
public record LegalHold(
        @JsonProperty("hold_id") String holdId,
        @JsonProperty("customer_key") String customerKey,
        @JsonProperty("interaction_id") String interactionId,
        @JsonProperty("reason") String reason,
        @JsonProperty("created_by") String createdBy,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("released_by") String releasedBy,
        @JsonProperty("released_at") Instant releasedAt) {

    /** Whether it still protects its subject (not released). */
    @JsonProperty("active")
    public boolean active() {
        return releasedAt == null;
    }
}
