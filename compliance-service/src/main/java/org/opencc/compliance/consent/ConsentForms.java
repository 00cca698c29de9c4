package org.opencc.compliance.consent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The canonical forms consent records and revocations are signed in (README "Consent records"), the reference for
 * anyone verifying offline. UTF-8 text, one {@code name=<v>} line per member in a fixed order, each ending in
 * {@code \n}, under a first line naming the form; {@code <v>} is encoded as in the audit chain: {@code ~} for null,
 * else {@code <UTF-8 byte length>:<value>}, so no value can pass for another member or for null. Instants are
 * ISO-8601 UTC with exactly six fraction digits, booleans {@code true}/{@code false}.
 *
 * <p>The algorithm and key id are signed too, so a signature cannot be passed off as another key's. A revocation
 * signs the consent's signature, binding it to that exact record.
 */
public final class ConsentForms {
    public static final String RECORD_V1 = "consent-record/v1";
    public static final String REVOCATION_V1 = "consent-revocation/v1";

    private static final DateTimeFormatter INSTANT = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private ConsentForms() {}

    /** The canonical form of a consent record (every member but its signature). */
    public static String record(ConsentRecord r) {
        return RECORD_V1 + "\n"
                + line("consent_id", r.consentId())
                + line("interaction_id", r.interactionId())
                + line("customer_key", r.customerKey())
                + line("scope", r.scope())
                + line("method", r.method())
                + line("granted", Boolean.toString(r.granted()))
                + line("captured_by", r.capturedBy())
                + line("captured_by_role", r.capturedByRole())
                + line("worker_sid", r.workerSid())
                + line("captured_at", instant(r.capturedAt()))
                + line("policy_version", r.policyVersion())
                + line("algorithm", r.algorithm())
                + line("key_id", r.keyId());
    }

    /** The canonical form of a revocation (every member but its signature) of the consent signed so. */
    public static String revocation(ConsentRevocation v, String consentSignature) {
        return REVOCATION_V1 + "\n"
                + line("consent_id", v.consentId())
                + line("consent_signature", consentSignature)
                + line("method", v.method())
                + line("revoked_by", v.revokedBy())
                + line("revoked_by_role", v.revokedByRole())
                + line("worker_sid", v.workerSid())
                + line("revoked_at", instant(v.revokedAt()))
                + line("policy_version", v.policyVersion())
                + line("algorithm", v.algorithm())
                + line("key_id", v.keyId());
    }

    /** An instant as signed and answered: UTC, six fraction digits (what PostgreSQL keeps). */
    public static String instant(Instant instant) {
        return instant == null ? null : INSTANT.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    private static String line(String name, String value) {
        return name + "=" + (value == null ? "~" : value.getBytes(StandardCharsets.UTF_8).length + ":" + value)
                + "\n";
    }
}
