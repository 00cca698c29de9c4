package org.opencc.reporting.journey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencc.contracts.DomainEvent;
import org.opencc.contracts.EventCodec;
import org.opencc.contracts.interaction.IntakeRefused;
import org.opencc.reporting.StatementBatch;
import org.opencc.support.consumer.InboundEvent;
import org.opencc.support.tracing.TraceParent;

/**
 * {@code event_log}: the events of interactions, for journeys. A row is written in the consumer's transaction and
 * keyed by the CloudEvents id, so a redelivered event inserts nothing.
 */
@ApplicationScoped
public class EventLog {
    private static final String INSERT = "INSERT INTO event_log (event_id, type, topic, occurred_at, received_at,"
            + " interaction_id, task_sid, worker_sid, customer_key, trace_id, payload)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb)) ON CONFLICT (event_id) DO NOTHING";
    // the interaction's own events, and those of its tasks that do not name it (context.denied)
    private static final String JOURNEY = "SELECT event_id, type, topic, occurred_at, received_at, interaction_id,"
            + " task_sid, worker_sid, trace_id, payload FROM event_log WHERE interaction_id = ? OR task_sid IN"
            + " (SELECT task_sid FROM event_log WHERE interaction_id = ? AND task_sid IS NOT NULL)"
            + " ORDER BY occurred_at, received_at, event_id";

    private final AgroalDataSource dataSource;
    private final StatementBatch statements;
    private final ObjectMapper json = EventCodec.mapper();

    public EventLog(AgroalDataSource dataSource, StatementBatch statements) {
        this.dataSource = dataSource;
        this.statements = statements;
    }

    /**
     * Logs one consumed event; false when its id was logged before. Call inside the consumer's transaction. In a
     * batch of statements ({@link StatementBatch}) the row is queued and the answer is true: the insert still skips
     * an id logged before.
     */
    public boolean record(InboundEvent inbound, DomainEvent event, Instant receivedAt) {
        JsonNode payload = json.valueToTree(event);
        Object[] row;
        try {
            row = new Object[] {inbound.id(), event.type(), event.topic(),
                    Timestamp.from(eventTime(payload).orElse(receivedAt)), Timestamp.from(receivedAt),
                    // a refused message that belongs to no interaction is its own journey, under its message sid
                    event instanceof IntakeRefused refused ? refused.key() : text(payload, "interaction_id"),
                    text(payload, "task_sid"), text(payload, "worker_sid"), text(payload, "customer_key"),
                    inbound.traceparent() == null ? null : TraceParent.traceId(inbound.traceparent()).orElse(null),
                    json.writeValueAsString(payload)};
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot log event " + inbound.id(), e);
        }
        if (statements.add(StatementBatch.Order.EVENT_LOG, INSERT, row)) {
            return true;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int i = 0; i < row.length; i++) {
                insert.setObject(i + 1, row[i]);
            }
            return insert.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot log event " + inbound.id(), e);
        }
    }

    /** The interaction's events in event-time order; empty when none was logged. */
    public List<LoggedEvent> journey(String interactionId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(JOURNEY)) {
            query.setString(1, interactionId);
            query.setString(2, interactionId);
            List<LoggedEvent> events = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    events.add(new LoggedEvent(rs.getString("event_id"), rs.getString("type"),
                            rs.getString("topic"), instant(rs, "occurred_at"), instant(rs, "received_at"),
                            rs.getString("interaction_id"), rs.getString("task_sid"), rs.getString("worker_sid"),
                            rs.getString("trace_id"), json.readTree(rs.getString("payload"))));
                }
            }
            return events;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read the journey of " + interactionId, e);
        }
    }

    /**
     * Interactions with an event in {@code [from, to)}, by their first event's time, at most {@code limit}; each with
     * the time of its first event in the range.
     */
    public List<Map.Entry<String, Instant>> interactionsBetween(Instant from, Instant to, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT interaction_id, min(occurred_at)"
                        + " AS first_at FROM event_log WHERE occurred_at >= ? AND occurred_at < ?"
                        + " AND interaction_id IS NOT NULL GROUP BY interaction_id ORDER BY first_at, interaction_id"
                        + " LIMIT ?")) {
            query.setTimestamp(1, Timestamp.from(from));
            query.setTimestamp(2, Timestamp.from(to));
            query.setInt(3, limit);
            List<Map.Entry<String, Instant>> interactions = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    interactions.add(Map.entry(rs.getString(1), instant(rs, "first_at")));
                }
            }
            return interactions;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list interactions of event_log", e);
        }
    }

    /** Removes customer keys from the log (column and payload); returns the rows changed. */
    public int eraseCustomerKeys(List<String> customerKeys) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement erase = connection.prepareStatement("UPDATE event_log SET customer_key = NULL,"
                        + " payload = payload - 'customer_key' WHERE customer_key = ANY (?)")) {
            erase.setArray(1, connection.createArrayOf("text", customerKeys.toArray()));
            return erase.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot erase customer keys from event_log", e);
        }
    }

    /** Deletes events that occurred before {@code cutoff}; returns how many. */
    public int prune(Instant cutoff) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM event_log WHERE occurred_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prune event_log", e);
        }
    }

    /** The first member named {@code *_at}: every contract event carries its own time so. */
    private static Optional<Instant> eventTime(JsonNode payload) {
        for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> member = it.next();
            if (member.getKey().endsWith("_at") && member.getValue().isTextual()) {
                try {
                    return Optional.of(OffsetDateTime.parse(member.getValue().asText()).toInstant());
                } catch (DateTimeParseException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static String text(JsonNode payload, String member) {
        JsonNode value = payload.get(member);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
