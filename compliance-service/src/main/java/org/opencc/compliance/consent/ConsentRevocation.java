package org.opencc.compliance.consent;

import java.time.Instant;

/**
 * The revocation of a consent, as stored in {@code consent_revocation}: a signed record of its own, bound to the
 * consent's signature ({@link ConsentForms#revocation}); the consent's row stays as it was signed.
 *
 * @param consentId the revoked consent
 * @param method how the customer withdrew it ({@code keypress}, {@code verbal}, {@code web-form}), null when not said
 * @param revokedBy the JWT subject who recorded the revocation
 * @param revokedByRole the role it was recorded under
 * @param workerSid the revoking agent's worker, null under another role
 * @param revokedAt when, to the microsecond
 * @param policyVersion the recording policy in force
 * @param algorithm {@code Ed25519}
 * @param keyId the signing key's id
 * @param signature base64 signature of the canonical form
 */
public record ConsentRevocation(String consentId, String method, String revokedBy, String revokedByRole,
        String workerSid, Instant revokedAt, String policyVersion, String algorithm, String keyId, String signature) {

    /** The same revocation with its signature. */
    ConsentRevocation signed(String value) {
        return new ConsentRevocation(consentId, method, revokedBy, revokedByRole, workerSid, revokedAt,
                policyVersion, algorithm, keyId, value);
    }
}
