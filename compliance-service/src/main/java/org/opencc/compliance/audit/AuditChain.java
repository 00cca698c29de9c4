package org.opencc.compliance.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash chain over audit entries: the canonical form of an entry and its SHA-256. This class is the reference
 * for the format (README "Audit chain"); {@code V3__audit_entry_chain.sql} computes the same bytes in SQL.
 *
 * <p>Canonical form, UTF-8, one line per field in this order, each ending in {@code \n}: {@code audit-entry/v1},
 * then {@code id=<decimal>}, {@code event_id=}, {@code topic=}, {@code event_type=}, {@code subject=},
 * {@code actor=}, {@code interaction_id=}, {@code task_sid=}, {@code worker_sid=}, {@code reservation_sid=},
 * {@code trace_id=}, {@code occurred_at=}, {@code recorded_at=} (each value {@code ~} when null, else
 * {@code <UTF-8 byte length>:<value>}; instants as ISO-8601 UTC with six fraction digits), and finally
 * {@code prev_hash=<64 hex>}. The hash is the lower-case hex SHA-256 of those bytes.
 *
 * <p>An entry with an {@code actor_role} or a {@code detail} (V5: context reads) is hashed in form
 * {@code audit-entry/v2}: the same lines under that first line, then {@code actor_role=} and {@code detail=} (the
 * jsonb as PostgreSQL renders it) before {@code prev_hash=}. An entry with neither keeps form v1 byte for byte, so
 * the entries written before V5 verify as they always did, and erasing both columns of a v2 entry changes its
 * hash like any other edit. {@code V5__audit_entry_context_reads.sql} has the SQL twin.
 */
public final class AuditChain {
    /** The {@code prev_hash} of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter INSTANT = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private AuditChain() {}

    /**
     * An instant as PostgreSQL stores it: hashing a finer value than the column keeps would break the chain on
     * the first read-back.
     */
    static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** The hex SHA-256 of the entry's canonical form. */
    public static String hash(long id, AuditEntry entry, String prevHash) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical(id, entry, prevHash).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The canonical form (see the class comment). */
    public static String canonical(long id, AuditEntry entry, String prevHash) {
        boolean v1 = entry.actorRole() == null && entry.detail() == null;
        return (v1 ? "audit-entry/v1\n" : "audit-entry/v2\n")
                + "id=" + id + "\n"
                + "event_id=" + field(entry.eventId()) + "\n"
                + "topic=" + field(entry.topic()) + "\n"
                + "event_type=" + field(entry.eventType()) + "\n"
                + "subject=" + field(entry.subject()) + "\n"
                + "actor=" + field(entry.actor()) + "\n"
                + "interaction_id=" + field(entry.interactionId()) + "\n"
                + "task_sid=" + field(entry.taskSid()) + "\n"
                + "worker_sid=" + field(entry.workerSid()) + "\n"
                + "reservation_sid=" + field(entry.reservationSid()) + "\n"
                + "trace_id=" + field(entry.traceId()) + "\n"
                + "occurred_at=" + field(instant(entry.occurredAt())) + "\n"
                + "recorded_at=" + field(instant(entry.recordedAt())) + "\n"
                + (v1 ? "" : "actor_role=" + field(entry.actorRole()) + "\n"
                        + "detail=" + field(entry.detail()) + "\n")
                + "prev_hash=" + prevHash + "\n";
    }

    // length-prefixed, so a value holding "\n" or "~" cannot pass for another field or for null
    private static String field(String value) {
        return value == null ? "~" : value.getBytes(StandardCharsets.UTF_8).length + ":" + value;
    }

    private static String instant(Instant instant) {
        return instant == null ? null : INSTANT.format(stored(instant));
    }
}
