package org.opencc.reporting.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.opencc.reporting.interval.GroupBy;
import org.opencc.reporting.interval.IntervalRow;
import org.opencc.reporting.interval.IntervalService;

/**
 * Writes interval rows of a range one UTC day at a time (intervals divide a day, so days never split one), so
 * memory holds one day's rows whatever the range. The rows are those of {@code GET /v1/intervals}.
 */
@ApplicationScoped
public class IntervalExport {
    /** The CSV header. {@code group} is the grouping's value; {@code group_by} names which it is. */
    static final List<String> COLUMNS = List.of("interval_start", "interval_seconds", "group_by", "group",
            "offered", "accepted", "abandoned", "short_abandoned", "abandonment_rate", "asa_seconds", "aht_seconds",
            "service_level", "service_level_threshold_seconds", "transfers", "occupancy");
    private static final Duration DAY = Duration.ofDays(1);

    private final IntervalService intervals;
    private final ObjectMapper json;

    public IntervalExport(IntervalService intervals, ObjectMapper json) {
        this.intervals = intervals;
        this.json = json;
    }

    /** Writes the rows of {@code [from, to)}; returns how many. */
    long write(Instant from, Instant to, GroupBy groupBy, String taskQueueSid, ExportFormat format, Writer out) {
        try {
            if (format == ExportFormat.CSV) {
                Csv.row(out, COLUMNS);
            }
            long count = 0;
            Instant dayStart = from;
            while (dayStart.isBefore(to)) {
                Instant nextDay = Instant.ofEpochSecond(Math.floorDiv(dayStart.getEpochSecond(), DAY.toSeconds())
                        * DAY.toSeconds()).plus(DAY);
                Instant dayEnd = nextDay.isBefore(to) ? nextDay : to;
                var report = intervals.report(dayStart, dayEnd, groupBy, taskQueueSid);
                for (IntervalRow row : report.rows()) {
                    if (format == ExportFormat.CSV) {
                        Csv.row(out, csv(row, report.intervalSeconds(), groupBy));
                    } else {
                        out.write(json.writeValueAsString(row));
                        out.write('\n');
                    }
                    count++;
                }
                out.flush();
                dayStart = dayEnd;
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("the export's client went away or the write failed", e);
        }
    }

    private static List<Object> csv(IntervalRow row, long intervalSeconds, GroupBy groupBy) {
        List<Object> fields = new ArrayList<>(COLUMNS.size());
        fields.add(row.intervalStart());
        fields.add(intervalSeconds);
        fields.add(groupBy.value());
        fields.add(row.group().get(groupBy.column()));
        fields.add(row.offered());
        fields.add(row.accepted());
        fields.add(row.abandoned());
        fields.add(row.shortAbandoned());
        fields.add(row.abandonmentRate());
        fields.add(row.asaSeconds());
        fields.add(row.ahtSeconds());
        fields.add(row.serviceLevel());
        fields.add(row.serviceLevelThresholdSeconds());
        fields.add(row.transfers());
        fields.add(row.occupancy());
        return fields;
    }
}
