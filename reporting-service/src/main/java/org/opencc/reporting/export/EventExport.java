package org.opencc.reporting.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.opencc.contracts.EventCodec;
import org.opencc.reporting.ReadCursor;

/**
 * Streams {@code event_log} rows of a time range through a server-side cursor ({@link ReadCursor}), so memory
 * stays flat for any range.
 */
@ApplicationScoped
public class EventExport {
    /** The CSV header, also the JSON Lines members, in order. */
    static final List<String> COLUMNS = List.of("event_id", "type", "topic", "occurred_at", "received_at",
            "interaction_id", "task_sid", "worker_sid", "trace_id", "data");
    private static final String QUERY = "SELECT event_id, type, topic, occurred_at, received_at, interaction_id,"
            + " task_sid, worker_sid, trace_id, payload::text AS data FROM event_log"
            + " WHERE occurred_at >= ? AND occurred_at < ? ORDER BY occurred_at, event_id";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json = EventCodec.mapper();

    public EventExport(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes the events that occurred in {@code [from, to)}; returns how many. */
    long write(Instant from, Instant to, ExportFormat format, Writer out) {
        try {
            if (format == ExportFormat.CSV) {
                Csv.row(out, COLUMNS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the export's client went away or the write failed", e);
        }
        long[] count = {0};
        ReadCursor.forEach(dataSource, QUERY, query -> {
            query.setTimestamp(1, Timestamp.from(from));
            query.setTimestamp(2, Timestamp.from(to));
        }, rs -> {
            String[] values = new String[COLUMNS.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = value(rs, COLUMNS.get(i));
            }
            JsonNode data = json.readTree(values[values.length - 1]);
            if (format == ExportFormat.CSV) {
                values[values.length - 1] = json.writeValueAsString(data); // compact, as on the topic
                Csv.row(out, Arrays.asList(values));
            } else {
                ObjectNode line = json.createObjectNode();
                for (int i = 0; i < values.length - 1; i++) {
                    line.put(COLUMNS.get(i), values[i]);
                }
                line.set("data", data);
                out.write(json.writeValueAsString(line));
                out.write('\n');
            }
            count[0]++;
        }, "event_log for an export");
        return count[0];
    }

    private static String value(ResultSet rs, String column) throws SQLException {
        if (column.endsWith("_at")) {
            OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
            return at == null ? null : at.toInstant().toString();
        }
        return rs.getString(column);
    }
}
