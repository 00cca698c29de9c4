package org.opencc.taskrouter.stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opencc.taskrouter.api.Json;
import org.opencc.taskrouter.persistence.Db;
import org.opencc.taskrouter.reservation.Reservation;
import org.opencc.taskrouter.worker.Worker;

/**
 * Appends to a worker's event log in the transaction of the change, and notifies every replica
 * ({@code NOTIFY worker_events, '<worker_sid>'}, delivered by PostgreSQL only when that transaction commits), so a
 * desktop sees the change whichever replica it is connected to, and never a change that was rolled back.
 */
@ApplicationScoped
public class WorkerEventLog {
    /** The PostgreSQL notification channel; the payload is the worker SID. */
    public static final String CHANNEL = "worker_events";
    public static final String RESERVATION_CREATED = "reservation.created";
    public static final String RESERVATION_ACCEPTED = "reservation.accepted";
    public static final String RESERVATION_REJECTED = "reservation.rejected";
    public static final String RESERVATION_TIMEOUT = "reservation.timeout";
    public static final String RESERVATION_CANCELED = "reservation.canceled";
    public static final String RESERVATION_RESCINDED = "reservation.rescinded";
    public static final String ACTIVITY_UPDATE = "worker.activity.update";

    private final Db db;
    private final Clock clock;

    public WorkerEventLog(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Appends one event with the worker's next sequence number; returns that number. The sequence row stays locked
     * until commit, so a worker's events commit in sequence order and readers "after N" never skip one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long append(String workerSid, String type, Map<String, Object> payload) {
        long seq = db.one("INSERT INTO worker_event_seq (worker_sid, last_seq) VALUES (?, 1) ON CONFLICT (worker_sid)"
                + " DO UPDATE SET last_seq = worker_event_seq.last_seq + 1 RETURNING last_seq",
                rs -> rs.getLong(1), workerSid).orElseThrow();
        Instant now = clock.instant();
        Map<String, Object> data = new LinkedHashMap<>(payload);
        data.putIfAbsent("occurred_at", now.toString());
        db.update("INSERT INTO worker_event (worker_sid, seq, type, payload, created_at) VALUES (?,?,?,?,?)",
                workerSid, seq, type, Json.write(data), now);
        db.one("SELECT pg_notify(?, ?)", rs -> 1, CHANNEL, workerSid);
        return seq;
    }

    /**
     * Appends a reservation event ({@code reservation.created}, {@code .accepted}, ...) for the reservation's worker;
     * its {@code reservation_status} is the one the event names ({@code created}: pending).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long reservation(String type, Reservation reservation) {
        String status = type.equals(RESERVATION_CREATED) ? "pending" : type.substring(type.indexOf('.') + 1);
        return append(reservation.workerSid(), type, payload(reservation, status));
    }

    /** Appends {@code worker.activity.update} with the worker's current activity. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long activity(Worker worker) {
        return append(worker.sid(), ACTIVITY_UPDATE, payload(worker));
    }

    /** The payload of a reservation event: the reservation as it is after the change, {@code status} given. */
    public static Map<String, Object> payload(Reservation reservation, String status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reservation_sid", reservation.sid());
        data.put("task_sid", reservation.taskSid());
        data.put("workspace_sid", reservation.workspaceSid());
        data.put("worker_sid", reservation.workerSid());
        data.put("task_queue_sid", reservation.taskQueueSid());
        data.put("task_channel", reservation.taskChannel());
        data.put("reservation_status", status);
        data.put("timeout_at", reservation.timeoutAt() == null ? null : reservation.timeoutAt().toString());
        return data;
    }

    /** The payload of {@code worker.activity.update}: the worker's current activity. */
    public static Map<String, Object> payload(Worker worker) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("worker_sid", worker.sid());
        data.put("workspace_sid", worker.workspaceSid());
        data.put("activity_sid", worker.activitySid());
        data.put("activity_name", worker.activityName());
        data.put("available", worker.available());
        return data;
    }
}
