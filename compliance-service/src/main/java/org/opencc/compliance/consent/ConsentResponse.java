package org.opencc.compliance.consent;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A consent record as answered: its members exactly as signed (times as in the canonical form, six fraction
 * digits, so a verifier can rebuild the form from this answer alone), its signature and its revocation.
 *
 * @param revocation null while the consent stands
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ConsentResponse(String consentId, String interactionId, String customerKey, String scope,
        String method, boolean granted, String capturedBy, String capturedByRole, String workerSid, String capturedAt,
        String policyVersion, SignatureView signature, RevocationView revocation) {

    static ConsentResponse of(ConsentRecord r, ConsentRevocation v) {
        return new ConsentResponse(r.consentId(), r.interactionId(), r.customerKey(), r.scope(), r.method(),
                r.granted(), r.capturedBy(), r.capturedByRole(), r.workerSid(), ConsentForms.instant(r.capturedAt()),
                r.policyVersion(), new SignatureView(r.algorithm(), r.keyId(), r.signature()),
                v == null ? null : RevocationView.of(v));
    }

    /**
     * A signature.
     *
     * @param algorithm {@code Ed25519}
     * @param keyId the key's id in {@code GET /v1/consents/keys}
     * @param value base64 of the signature of the canonical form's UTF-8 bytes
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SignatureView(String algorithm, String keyId, String value) {}

    /** A revocation's members as signed, and its signature. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RevocationView(String method, String revokedBy, String revokedByRole, String workerSid,
            String revokedAt, String policyVersion, SignatureView signature) {
        static RevocationView of(ConsentRevocation v) {
            return new RevocationView(v.method(), v.revokedBy(), v.revokedByRole(), v.workerSid(),
                    ConsentForms.instant(v.revokedAt()), v.policyVersion(),
                    new SignatureView(v.algorithm(), v.keyId(), v.signature()));
        }
    }
}
