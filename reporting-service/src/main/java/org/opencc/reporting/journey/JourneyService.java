package org.opencc.reporting.journey;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.opencc.reporting.config.ReportingConfig;
import org.opencc.reporting.otlp.ReceivedSpan;
import org.opencc.reporting.otlp.SpanLog;
import org.opencc.support.problem.ProblemException;

/** Reads an interaction's journey from {@code event_log} and attributes it ({@link Attribution}). */
@ApplicationScoped
public class JourneyService {
    private final EventLog log;
    private final SpanLog spanLog;
    private final RoutingExplanations explanations;
    private final JsonWebToken token;
    private final Clock clock;
    private final ReportingConfig config;

    public JourneyService(EventLog log, SpanLog spanLog, Clock clock, ReportingConfig config,
            RoutingExplanations explanations, JsonWebToken token) {
        this.log = log;
        this.explanations = explanations;
        this.token = token;
        this.spanLog = spanLog;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Interactions with an event in {@code [from, to)} whose journey shows {@code anomaly} (a rule id), oldest first.
     * Each journey is read and attributed as {@link #journey} does, so at most {@code cc.reporting.journeys.scan-limit}
     * interactions are examined per call.
     */
    public JourneyList withAnomaly(String anomaly, Instant from, Instant to) {
        int limit = config.journeys().scanLimit();
        List<Map.Entry<String, Instant>> interactions = log.interactionsBetween(from, to, limit + 1);
        boolean truncated = interactions.size() > limit;
        List<JourneySummary> found = new ArrayList<>();
        Instant now = clock.instant();
        for (Map.Entry<String, Instant> interaction : interactions.subList(0, Math.min(limit, interactions.size()))) {
            Attribution.Verdict verdict = Attribution.decide(log.journey(interaction.getKey()), now,
                    config.journeys().stepGrace());
            List<String> rules = verdict.anomalies().stream().map(Attribution.Finding::rule).toList();
            if (rules.contains(anomaly)) {
                found.add(new JourneySummary(interaction.getKey(), interaction.getValue(), verdict.stage(),
                        verdict.rule(), verdict.reason(), rules));
            }
        }
        return new JourneyList(found, Math.min(limit, interactions.size()), truncated);
    }

    /** The journey, or 404 when no event of the interaction was logged (unknown, or older than the retention). */
    public Journey journey(String interactionId) {
        List<LoggedEvent> events = log.journey(interactionId);
        if (events.isEmpty()) {
            throw ProblemException.notFound("interaction " + interactionId + " (no event of it was logged in the"
                    + " last " + config.journeys().retention().toDays() + " days)");
        }
        Instant now = clock.instant();
        List<String> tasks = events.stream().filter(e -> "task.created".equals(e.type()))
                .map(LoggedEvent::taskSid).filter(Objects::nonNull).distinct().toList();
        List<String> traces = events.stream().map(LoggedEvent::traceId).filter(Objects::nonNull).distinct()
                .toList();
        List<ReceivedSpan> spans = spanLog.ofJourney(interactionId, tasks, traces);
        Attribution.Verdict verdict = withSpanEvidence(
                Attribution.decide(events, now, config.journeys().stepGrace()), events, spans);
        List<RoutingExplanations.Explained> explained = events.stream().filter(e -> "task.created".equals(e.type()))
                .filter(e -> e.taskSid() != null).map(e -> explanations.explain(
                        e.data().path("workspace_sid").asText(null), e.taskSid(), token.getRawToken()))
                .toList();
        return new Journey(interactionId, tasks, traces, events, spans, explained, verdict, now);
    }

    /**
     * Adds span evidence to each finding: the failed spans (status error) of the finding's stage ({@code cc.stage})
     * in the traces its evidence events were published in; when none failed, that stage's spans there. Spans of
     * other stages are never evidence: consumers of every stage see every event.
     */
    static Attribution.Verdict withSpanEvidence(Attribution.Verdict verdict, List<LoggedEvent> events,
            List<ReceivedSpan> spans) {
        if (spans.isEmpty()) {
            return verdict;
        }
        Map<String, String> traceOfEvent = new HashMap<>();
        events.stream().filter(e -> e.traceId() != null).forEach(e -> traceOfEvent.put(e.eventId(), e.traceId()));
        List<Attribution.Finding> anomalies = verdict.anomalies().stream().map(finding -> {
            Set<String> traces = finding.eventIds().stream().map(traceOfEvent::get).filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            List<ReceivedSpan> atStage = spans.stream().filter(s -> traces.contains(s.traceId()))
                    .filter(s -> finding.stage().equals(s.stage())).toList();
            List<ReceivedSpan> failed = atStage.stream().filter(s -> "error".equals(s.status())).toList();
            return finding.withSpans((failed.isEmpty() ? atStage : failed).stream().map(ReceivedSpan::spanId)
                    .toList());
        }).toList();
        List<String> decisive = anomalies.stream().filter(f -> f.rule().equals(verdict.rule())).findFirst()
                .map(Attribution.Finding::spanIds).orElse(List.of());
        return new Attribution.Verdict(verdict.stage(), verdict.rule(), verdict.reason(), verdict.eventIds(),
                decisive, anomalies);
    }
}
