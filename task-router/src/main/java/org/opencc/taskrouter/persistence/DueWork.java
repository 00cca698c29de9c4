package org.opencc.taskrouter.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One pass of a scheduled expiry: claims what is due (with {@code FOR UPDATE SKIP LOCKED}, so several replicas share
 * the work without doing any twice) and handles it, all in a new transaction. A failed pass is logged and left to
 * the next run: nothing of it was committed.
 */
public final class DueWork {
    private DueWork() {}

    /**
     * @param done a format with one {@code %d}: how many were handled (logged at debug when some were)
     * @param what what the pass does, for the warning when it fails
     */
    public static <T> void run(Logger log, String what, String done, Supplier<List<T>> claim, Consumer<T> handle) {
        try {
            int handled = QuarkusTransaction.requiringNew().call(() -> {
                List<T> due = claim.get();
                due.forEach(handle);
                return due.size();
            });
            if (handled > 0) {
                log.debugf(done, handled);
            }
        } catch (RuntimeException e) {
            log.warnf("%s failed, will retry: %s", what, e.getMessage());
        }
    }
}
