package org.opencc.support.erasure;

import java.util.List;
import org.opencc.contracts.compliance.PurgeRequested;

/**
 * What a service holds about customers, erased on an {@code erasure.requested} and purged by age on a
 * {@code retention.purge.requested}. Every service declares exactly one bean of this type, even one that holds
 * nothing (it says so, and why), so a new table with personal data has an obvious place to be added.
 */
public interface PersonalData {
    /**
     * Erases or anonymises everything this service holds about the customers, within the caller's transaction.
     * Must be idempotent: a retried request erases nothing new and answers again.
     *
     * @param customerKeys pseudonymous customer keys
     * @return how many records (rows, cache entries) were erased or anonymised
     */
    long erase(List<String> customerKeys);

    /**
     * Deletes or redacts what this service holds of {@code purge.dataClass()} from before the cutoff of its
     * customer's country ({@link PurgeRequested#cutoffFor}), sparing what a legal hold protects
     * ({@link PurgeRequested#isHeld}), within the caller's transaction. Must be idempotent. The default holds no
     * data of any class that retention governs.
     *
     * @return how many records (rows, cache entries) were deleted or redacted
     */
    default long purge(PurgeRequested purge) {
        return 0;
    }
}
