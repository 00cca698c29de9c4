package org.opencc.taskrouter.callback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.opencc.contracts.task.CallbackFailed;
import org.opencc.support.outbox.OutboxWriter;

/**
 * The state machine of {@code callback_intent}: pending → sent | handed-off | failed, or skipped from the start.
 * Each step commits on its own, the pending row before the POST, so a redelivered event never calls twice (a
 * crash between the two leaves the row pending: at most once, never twice). A callback about a task that got no
 * 2xx answer also publishes {@code callback.failed}, in the transaction that records it failed.
 */
@ApplicationScoped
public class CallbackIntents {
    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String HANDED_OFF = "handed-off";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    private final CallbackIntentRepository repository;
    private final OutboxWriter outbox;
    private final Clock clock;

    public CallbackIntents(CallbackIntentRepository repository, OutboxWriter outbox, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
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

    /**
     * Records that the POST (or the primary and the fallback POST) got no 2xx answer, and publishes
     * {@code callback.failed} with it when the callback was about a task (the event's key; a worker event's
     * callback failing is only recorded here). Publishes nothing when the intent was not pending any more.
     *
     * @param failedUrl the URL whose answer {@code last} is: only its host and port are published
     * @param last the outcome of the last POST made (its status and failure code are published)
     * @param attempts every attempt made, the primary's and the fallback's
     * @param lastError what the row records (for a fallback, both failures)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fail(CallbackIntent intent, String failedUrl, CallbackOutcome last, int attempts, String answeredBy,
            String lastError) {
        boolean recorded = repository.finish(intent.eventId(), intent.kind(), FAILED, attempts, answeredBy,
                last.status(), null, lastError, clock.instant());
        if (!recorded || intent.taskSid() == null) {
            return;
        }
        boolean event = CallbackIntent.EVENT.equals(intent.kind());
        outbox.append(new CallbackFailed(intent.taskSid(), intent.workspaceSid(), intent.interactionId(),
                intent.reservationSid(), event ? CallbackFailed.EVENT : CallbackFailed.ASSIGNMENT,
                CallbackHost.of(failedUrl), last.status(), last.failure(), attempts,
                event ? intent.eventType() : null, clock.instant()));
    }
}
