package org.opencc.reporting.interval;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Computes interval totals from {@code task_fact} at query time, in one statement. Each measure buckets a task by
 * the event time it is about (offered by the queue entry, accepted by the acceptance, abandoned by the cancel,
 * handle time by the completion), so the same facts always give the same rows, however late the events came.
 */
@ApplicationScoped
public class IntervalRepository {
    // p: the parameters, bound once; f: the facts in scope with their group value and service-level threshold
    // (NOT MATERIALIZED so each branch below can use its own event-time index)
    private static final String FACTS = """
            WITH p AS MATERIALIZED (
                SELECT CAST(? AS bigint) AS len_s, CAST(? AS timestamptz) AS lo, CAST(? AS timestamptz) AS hi,
                       CAST(? AS text) AS queue, CAST(? AS float8) AS short_s, CAST(? AS float8) AS default_s,
                       CAST(? AS timestamptz) AS as_of
            ), th AS (
                SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS float8[])) AS t(queue_sid, seconds)
            ), f AS NOT MATERIALIZED (
                SELECT f.task_queue_sid, f.entered_queue_at, f.accepted_at, f.completed_at, f.canceled_at,
                       f.%s AS grp, COALESCE(th.seconds, p.default_s) AS sl_s, p.*
                FROM task_fact f CROSS JOIN p LEFT JOIN th ON th.queue_sid = f.task_queue_sid
                WHERE f.task_queue_sid IS NOT NULL AND (p.queue IS NULL OR f.task_queue_sid = p.queue)
            ), ev AS (
                SELECT grp, sl_s, len_s, entered_queue_at AS at, 'offered' AS kind, CAST(NULL AS float8) AS secs
                FROM f WHERE entered_queue_at >= lo AND entered_queue_at < hi
                UNION ALL
                -- the wait is unknown (null) until the queue entry is; GREATEST would turn a null into 0
                SELECT grp, sl_s, len_s, accepted_at, 'accepted',
                       CASE WHEN entered_queue_at IS NOT NULL
                            THEN GREATEST(0, CAST(extract(epoch FROM accepted_at - entered_queue_at) AS float8)) END
                FROM f WHERE accepted_at >= lo AND accepted_at < hi
                UNION ALL
                -- canceled while waiting: after the queue entry and not after an acceptance
                SELECT grp, sl_s, len_s, canceled_at,
                       CASE WHEN extract(epoch FROM canceled_at - entered_queue_at) < short_s
                            THEN 'short_abandoned' ELSE 'abandoned' END, NULL
                FROM f WHERE canceled_at >= lo AND canceled_at < hi AND entered_queue_at <= canceled_at
                         AND (accepted_at IS NULL OR accepted_at > canceled_at)
                UNION ALL
                SELECT grp, sl_s, len_s, completed_at, 'completed',
                       GREATEST(0, CAST(extract(epoch FROM completed_at - accepted_at) AS float8))
                FROM f WHERE completed_at >= lo AND completed_at < hi AND accepted_at IS NOT NULL
            ), m AS (
                SELECT grp, to_timestamp(floor(extract(epoch FROM at) / len_s) * len_s) AS interval_start,
                       count(*) FILTER (WHERE kind = 'offered') AS offered,
                       count(*) FILTER (WHERE kind = 'accepted') AS accepted,
                       count(*) FILTER (WHERE kind = 'abandoned') AS abandoned,
                       count(*) FILTER (WHERE kind = 'short_abandoned') AS short_abandoned,
                       avg(secs) FILTER (WHERE kind = 'accepted') AS wait_s,
                       avg(secs) FILTER (WHERE kind = 'completed') AS handle_s,
                       count(*) FILTER (WHERE kind = 'accepted' AND secs <= sl_s) AS within_threshold,
                       count(secs) FILTER (WHERE kind = 'accepted') AS accepted_with_wait,
                       CASE WHEN min(sl_s) = max(sl_s) THEN min(sl_s) END AS threshold_s
                FROM ev GROUP BY 1, 2
            )""";
    private static final String PLAIN = """
            SELECT m.*, CAST(NULL AS float8) AS busy_s FROM m
            ORDER BY interval_start, grp NULLS LAST""";
    // busy spans: acceptance until completion (or a cancel after it; still open: until as_of), clipped to the
    // range, cut at interval boundaries, then merged per worker and interval so parallel tasks count once
    private static final String WITH_OCCUPANCY = """
            , spans AS (
                SELECT grp, len_s, tstzrange(b, e) AS r
                FROM (SELECT grp, len_s, GREATEST(accepted_at, lo) AS b,
                             LEAST(COALESCE(completed_at, CASE WHEN canceled_at >= accepted_at THEN canceled_at END,
                                            as_of), hi) AS e
                      FROM f WHERE grp IS NOT NULL AND accepted_at < hi) AS s
                WHERE e > b
            ), pieces AS (
                SELECT s.grp, g.start AS interval_start,
                       s.r * tstzrange(g.start, g.start + make_interval(secs => s.len_s)) AS piece
                FROM spans s CROSS JOIN LATERAL generate_series(
                        to_timestamp(floor(extract(epoch FROM lower(s.r)) / s.len_s) * s.len_s), upper(s.r),
                        make_interval(secs => s.len_s)) AS g(start)
            ), busy AS (
                SELECT grp, interval_start, range_agg(piece) AS busy
                FROM pieces WHERE NOT isempty(piece) GROUP BY 1, 2
            ), o AS (
                SELECT grp, interval_start,
                       (SELECT CAST(sum(extract(epoch FROM upper(x) - lower(x))) AS float8) FROM unnest(busy) AS x)
                           AS busy_s
                FROM busy
            )
            SELECT grp, interval_start, COALESCE(m.offered, 0) AS offered, COALESCE(m.accepted, 0) AS accepted,
                   COALESCE(m.abandoned, 0) AS abandoned, COALESCE(m.short_abandoned, 0) AS short_abandoned,
                   m.wait_s, m.handle_s, COALESCE(m.within_threshold, 0) AS within_threshold,
                   COALESCE(m.accepted_with_wait, 0) AS accepted_with_wait, m.threshold_s,
                   CASE WHEN grp IS NOT NULL THEN COALESCE(o.busy_s, 0) END AS busy_s
            FROM m FULL JOIN o USING (grp, interval_start)
            ORDER BY interval_start, grp NULLS LAST""";

    private final AgroalDataSource dataSource;

    public IntervalRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Totals per group and interval for the intervals starting in [{@code from}, {@code to}), both on interval
     * boundaries.
     *
     * @param taskQueueSid only this queue's tasks, or (null) every queue's
     * @param thresholds service-level thresholds in seconds by queue sid; others get {@code defaultThreshold}
     * @param asOf the end of busy spans whose task has not ended yet
     */
    public List<IntervalTotals> totals(GroupBy groupBy, Instant from, Instant to, String taskQueueSid,
            long intervalSeconds, double shortAbandonSeconds, double defaultThreshold, Map<String, Double> thresholds,
            Instant asOf) {
        // the column comes from the enum, never from the request
        String sql = FACTS.formatted(groupBy.column()) + (groupBy == GroupBy.WORKER ? WITH_OCCUPANCY : PLAIN);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, intervalSeconds);
            query.setObject(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            query.setObject(3, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            query.setString(4, taskQueueSid);
            query.setDouble(5, shortAbandonSeconds);
            query.setDouble(6, defaultThreshold);
            query.setObject(7, OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC));
            List<String> queues = new ArrayList<>(thresholds.keySet());
            query.setArray(8, connection.createArrayOf("text", queues.toArray()));
            query.setArray(9, connection.createArrayOf("float8",
                    queues.stream().map(thresholds::get).toArray()));
            List<IntervalTotals> totals = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    totals.add(new IntervalTotals(rs.getObject("interval_start", OffsetDateTime.class).toInstant(),
                            rs.getString("grp"), rs.getLong("offered"), rs.getLong("accepted"),
                            rs.getLong("abandoned"), rs.getLong("short_abandoned"), number(rs, "wait_s"),
                            number(rs, "handle_s"), rs.getLong("within_threshold"),
                            rs.getLong("accepted_with_wait"), number(rs, "threshold_s"), number(rs, "busy_s")));
                }
            }
            return totals;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot compute interval metrics", e);
        }
    }

    private static Double number(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
