package org.opencc.taskrouter.callback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * The state machine of {@code callback_intent}: pending → sent | handed-off | failed, or skipped from the start.
 * Each step commits on its own, the pending row before the POST, so a redelivered event never calls twice (a
 * crash between the two leaves the row pending: at most once, never twice).
 */
@ApplicationScoped
public class CallbackIntents {
    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String HANDED_OFF = "handed-off";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    private final CallbackIntentRepository repository;
    private final Clock clock;

    public CallbackIntents(CallbackIntentRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Records the intent as pending; false when the event was seen before. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(CallbackIntent intent) {
        return repository.insert(intent, PENDING, null, clock.instant());
    }

    /** Records that the callback will not be made, and why; false when the event was seen before. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean skip(CallbackIntent intent, String reason) {
        return repository.insert(intent, SKIPPED, reason, clock.instant());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(CallbackIntent intent, String state, int attempts, String answeredBy, int responseStatus,
            String instruction, String lastError) {
        repository.finish(intent.eventId(), intent.kind(), state, attempts, answeredBy, responseStatus, instruction,
                lastError, clock.instant());
    }
}
