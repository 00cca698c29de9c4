package org.opencc.taskrouter.stream;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.opencc.taskrouter.persistence.Db;

/** Reads of the worker event log for streams, and its pruning. */
@ApplicationScoped
public class WorkerEventRepository {
    private final Db db;

    public WorkerEventRepository(Db db) {
        this.db = db;
    }

    /** Up to {@code limit} events of the worker after {@code seq}, oldest first. */
    public List<WorkerEvent> after(String workerSid, long seq, int limit) {
        return db.list("SELECT worker_sid, seq, type, payload, created_at FROM worker_event"
                + " WHERE worker_sid = ? AND seq > ? ORDER BY seq LIMIT ?", rs -> new WorkerEvent(rs.getString(1),
                        rs.getLong(2), rs.getString(3), rs.getString(4), Db.instant(rs, "created_at")),
                workerSid, seq, limit);
    }

    /** The worker's last sequence number; 0 when it has no events yet. */
    public long lastSeq(String workerSid) {
        return db.one("SELECT last_seq FROM worker_event_seq WHERE worker_sid = ?", rs -> rs.getLong(1), workerSid)
                .orElse(0L);
    }

    /** Last sequence numbers of the given workers (those without events are missing). */
    public Map<String, Long> lastSeqs(Collection<String> workerSids) {
        if (workerSids.isEmpty()) {
            return Map.of();
        }
        // SIDs are letters and hex digits: a comma-joined list is unambiguous and avoids JDBC array plumbing
        return db.list("SELECT worker_sid, last_seq FROM worker_event_seq"
                + " WHERE worker_sid = ANY(string_to_array(?, ','))",
                rs -> Map.entry(rs.getString(1), rs.getLong(2)), String.join(",", workerSids)).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Deletes events created before {@code cutoff}; sequence numbers are kept so they never repeat. */
    public int prune(Instant cutoff) {
        return db.update("DELETE FROM worker_event WHERE created_at < ?", cutoff);
    }
}
