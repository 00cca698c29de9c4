package org.opencc.compliance.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The answer of {@code GET /v1/audit/verify}: {@code {"valid":true,"entries":N,"last_hash":…}} or
 * {@code {"valid":false,"first_broken_id":…,"reason":"hash mismatch|prev_hash mismatch"}}.
 *
 * @param valid whether every entry's hash and link check out
 * @param entries how many entries were walked (valid chains only)
 * @param lastHash the hash of the last entry, null for an empty trail (valid chains only); keep it somewhere
 *     else to detect a later truncation of the tail, which the chain alone cannot show
 * @param firstBrokenId the {@code id} of the first entry that does not check out (broken chains only)
 * @param reason {@value #HASH_MISMATCH} (the entry was changed) or {@value #PREV_HASH_MISMATCH} (its predecessor
 *     was removed, inserted or re-hashed)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerification(boolean valid, Long entries, String lastHash, Long firstBrokenId, String reason) {
    public static final String HASH_MISMATCH = "hash mismatch";
    public static final String PREV_HASH_MISMATCH = "prev_hash mismatch";

    static ChainVerification intact(long entries, String lastHash) {
        return new ChainVerification(true, entries, lastHash, null, null);
    }

    static ChainVerification broken(long id, String reason) {
        return new ChainVerification(false, null, null, id, reason);
    }
}
