package org.opencc.compliance.consent;

import java.time.Instant;

/**
 * A captured consent as stored in {@code consent_record}: every member but {@code signature} is signed
 * ({@link ConsentForms#record}).
 *
 * @param consentId {@code CN} + 32 hex
 * @param interactionId the interaction the consent was given in
 * @param customerKey the pseudonymous customer key ({@code ck_…}), never a phone number
 * @param scope what was consented to ({@link ConsentRequest#SCOPES})
 * @param method how it was captured ({@link ConsentRequest#METHODS})
 * @param granted true (a refusal is not captured; withdrawing is a revocation)
 * @param capturedBy the JWT subject who captured it
 * @param capturedByRole the role it was captured under: {@code agent}, {@code compliance} or {@code admin}
 * @param workerSid the capturing agent's worker, null when captured under another role
 * @param capturedAt when, to the microsecond (PostgreSQL's precision: the signed value is the stored one)
 * @param policyVersion the recording policy in force
 * @param algorithm {@code Ed25519}
 * @param keyId the signing key's id
 * @param signature base64 signature of the canonical form
 */
public record ConsentRecord(String consentId, String interactionId, String customerKey, String scope, String method,
        boolean granted, String capturedBy, String capturedByRole, String workerSid, Instant capturedAt,
        String policyVersion, String algorithm, String keyId, String signature) {

    /** The same record with its signature. */
    ConsentRecord signed(String value) {
        return new ConsentRecord(consentId, interactionId, customerKey, scope, method, granted, capturedBy,
                capturedByRole, workerSid, capturedAt, policyVersion, algorithm, keyId, value);
    }
}
