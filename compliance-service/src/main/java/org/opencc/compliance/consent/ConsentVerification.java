package org.opencc.compliance.consent;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The answer of {@code GET /v1/consents/{id}/verification}: the canonical form recomputed from the stored row, the
 * stored signature, and whether it verifies; the same for the revocation, when there is one.
 *
 * @param valid whether the record (and its revocation, when there is one) verifies and nothing is missing
 * @param reason null when valid, else the first problem found
 * @param canonicalForm the record's canonical form as recomputed from its row now: what the signature must sign
 * @param revocation the revocation's check, null when the consent has none
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ConsentVerification(String consentId, boolean valid, String reason, String algorithm, String keyId,
        String signature, String canonicalForm, RevocationCheck revocation) {

    /**
     * A revocation's check.
     *
     * @param valid whether its signature verifies over its canonical form (which names the consent's signature)
     * @param reason null when valid, else why not
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RevocationCheck(boolean valid, String reason, String algorithm, String keyId, String signature,
            String canonicalForm) {}
}
