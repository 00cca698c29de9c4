package org.opencc.reporting.journey;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.opencc.reporting.config.ReportingConfig;
import org.opencc.support.problem.ProblemException;

/** Reads an interaction's journey from {@code event_log} and attributes it ({@link Attribution}). */
@ApplicationScoped
public class JourneyService {
    private final EventLog log;
    private final Clock clock;
    private final ReportingConfig config;

    public JourneyService(EventLog log, Clock clock, ReportingConfig config) {
        this.log = log;
        this.clock = clock;
        this.config = config;
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
        return new Journey(interactionId, tasks, traces, events,
                Attribution.decide(events, now, config.journeys().stepGrace()), now);
    }
}
