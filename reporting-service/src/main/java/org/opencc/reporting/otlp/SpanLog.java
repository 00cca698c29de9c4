package org.opencc.reporting.otlp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** {@code span_log}: received spans that carry one of our ids. A span sent twice is kept once. */
@ApplicationScoped
public class SpanLog {
    private static final String INSERT = "INSERT INTO span_log (trace_id, span_id, parent_span_id, name, service,"
            + " stage, start_at, end_at, status, status_message, interaction_id, task_sid, attributes, received_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?) ON CONFLICT DO NOTHING";
    private static final String OF_JOURNEY = "SELECT trace_id, span_id, parent_span_id, name, service, stage,"
            + " start_at, end_at, status, status_message, interaction_id, task_sid, attributes::text AS attributes"
            + " FROM span_log WHERE interaction_id = ? OR task_sid = ANY (?) OR trace_id = ANY (?)"
            + " ORDER BY start_at, span_id LIMIT 1000";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public SpanLog(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Stores the spans in one batch; returns how many were new. */
    public int store(List<ReceivedSpan> spans, Instant receivedAt) {
        if (spans.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (ReceivedSpan span : spans) {
                insert.setString(1, span.traceId());
                insert.setString(2, span.spanId());
                insert.setString(3, span.parentSpanId());
                insert.setString(4, span.name());
                insert.setString(5, span.service());
                insert.setString(6, span.stage());
                insert.setTimestamp(7, Timestamp.from(span.startAt()));
                insert.setTimestamp(8, Timestamp.from(span.endAt()));
                insert.setString(9, span.status());
                insert.setString(10, span.statusMessage());
                insert.setString(11, span.interactionId());
                insert.setString(12, span.taskSid());
                insert.setString(13, json.writeValueAsString(span.attributes()));
                insert.setTimestamp(14, Timestamp.from(receivedAt));
                insert.addBatch();
            }
            int stored = 0;
            for (int count : insert.executeBatch()) {
                stored += Math.max(count, 0);
            }
            return stored;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot store received spans", e);
        }
    }

    /** The spans of an interaction: naming it or one of its tasks, or in one of its events' traces (at most 1000). */
    public List<ReceivedSpan> ofJourney(String interactionId, Collection<String> taskSids,
            Collection<String> traceIds) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(OF_JOURNEY)) {
            query.setString(1, interactionId);
            query.setArray(2, connection.createArrayOf("text", taskSids.toArray()));
            query.setArray(3, connection.createArrayOf("text", traceIds.toArray()));
            List<ReceivedSpan> spans = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    spans.add(new ReceivedSpan(rs.getString("trace_id"), rs.getString("span_id"),
                            rs.getString("parent_span_id"), rs.getString("name"), rs.getString("service"),
                            rs.getString("stage"), rs.getObject("start_at", OffsetDateTime.class).toInstant(),
                            rs.getObject("end_at", OffsetDateTime.class).toInstant(), rs.getString("status"),
                            rs.getString("status_message"), rs.getString("interaction_id"), rs.getString("task_sid"),
                            json.readValue(rs.getString("attributes"), MAP)));
                }
            }
            return spans;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read the spans of " + interactionId, e);
        }
    }

    /** Deletes spans that started before {@code cutoff}; returns how many. */
    public int prune(Instant cutoff) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM span_log WHERE start_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prune span_log", e);
        }
    }
}
