package org.opencc.taskrouter.callback;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.opencc.taskrouter.persistence.Db;

/** The {@code callback_intent} table. */
@ApplicationScoped
public class CallbackIntentRepository {
    private final Db db;

    public CallbackIntentRepository(Db db) {
        this.db = db;
    }

    /** Inserts the intent in {@code state}; false when one for the same event and kind exists (a redelivery). */
    public boolean insert(CallbackIntent intent, String state, String lastError, Instant now) {
        return db.update("INSERT INTO callback_intent (event_id, kind, event_type, workspace_sid, task_sid,"
                + " reservation_sid, url, fallback_url, state, last_error, created_at, updated_at)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (event_id, kind) DO NOTHING", intent.eventId(),
                intent.kind(), intent.eventType(), intent.workspaceSid(), intent.taskSid(), intent.reservationSid(),
                intent.url(), intent.fallbackUrl(), state, lastError, now, now) == 1;
    }

    /** Moves a pending intent to its final state; false when it was not pending (nothing changed). */
    public boolean finish(String eventId, String kind, String state, int attempts, String answeredBy,
            int responseStatus, String instruction, String lastError, Instant now) {
        return db.update("UPDATE callback_intent SET state = ?, attempts = ?, answered_by = ?, response_status = ?,"
                + " instruction = ?, last_error = ?, updated_at = ? WHERE event_id = ? AND kind = ?"
                + " AND state = 'pending'", state, attempts, answeredBy, responseStatus == 0 ? null : responseStatus,
                instruction, lastError, now, eventId, kind) == 1;
    }
}
