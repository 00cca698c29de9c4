package org.opencc.reporting.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.opencc.contracts.EventCodec;
import org.opencc.contracts.interaction.IntakeRefused;
import org.opencc.contracts.task.TaskQueueEntered;

/**
 * Names the first stage of an interaction's journey that went wrong, by an ordered rule table: the rules follow the
 * pipeline (intake, routing, webhook, crm), the first that finds something decides the {@code attribution}, and
 * every finding is listed among the anomalies. Each rule names its evidence (event ids). Documented in the README
 * ("Journeys"); change both together.
 */
public final class Attribution {
    /** The stages a finding can name. */
    public static final Set<String> STAGES = Set.of("intake", "routing", "webhook", "crm", "none");
    private static final Set<String> FAILED_SOURCE = Set.of("timeout", "error", "circuit-open");

    /** One row of the table; {@code decides}: whether its finding can be the attribution, or only an anomaly. */
    private record Rule(String id, String stage, boolean decides,
            BiFunction<List<LoggedEvent>, Context, Evidence> check) {}

    /** What the rules may look at besides the events: now, and how long a next step may take. */
    record Context(Instant now, Duration stepGrace) {}

    /**
     * One rule's finding.
     *
     * @param rule the rule's id, e.g. {@code reservation-timeout}
     * @param stage intake, routing, webhook or crm
     * @param reason what happened, in a sentence
     * @param eventIds the events that show it
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Finding(String rule, String stage, String reason, List<String> eventIds, List<String> spanIds) {
        /** The same finding with span evidence. */
        public Finding withSpans(List<String> spans) {
            return new Finding(rule, stage, reason, eventIds, List.copyOf(spans));
        }
    }

    /** The rule ids, in table order: what {@code GET /v1/journeys?anomaly=} accepts. */
    public static List<String> ruleIds() {
        return RULES.stream().map(Rule::id).toList();
    }

    /**
     * The verdict: the first finding's stage, reason and evidence, or stage {@code none}.
     *
     * @param anomalies every rule's finding, in rule order
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Verdict(String stage, String rule, String reason, List<String> eventIds, List<String> spanIds,
            List<Finding> anomalies) {
        Verdict(String stage, String rule, String reason, List<String> eventIds, List<Finding> anomalies) {
            this(stage, rule, reason, eventIds, List.of(), anomalies);
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule("webhook-refused", "intake", true, Attribution::webhookRefused),
            new Rule("duplicate-webhook", "intake", true, Attribution::duplicateWebhook),
            new Rule("duplicate-task", "routing", true, Attribution::duplicateTask),
            new Rule("no-task", "routing", true, Attribution::noTask),
            new Rule("wrong-workflow", "intake", true, (events, context) -> expectedQueueMissed(events, false)),
            new Rule("no-queue", "routing", true, Attribution::noQueue),
            new Rule("expected-queue-missed", "routing", true, (events, context) -> expectedQueueMissed(events, true)),
            new Rule("callback-failed", "webhook", true, Attribution::callbackFailed),
            new Rule("reservation-timeout", "routing", true, Attribution::reservationTimeout),
            new Rule("abandoned-while-free", "routing", true, Attribution::abandonedWhileFree),
            new Rule("context-failed", "crm", true, Attribution::contextFailed),
            new Rule("default-filter", "routing", false, Attribution::defaultFilter));

    private Attribution() {}

    /** Applies every rule to the events (in event-time order) and returns the verdict. */
    public static Verdict decide(List<LoggedEvent> events, Instant now, Duration stepGrace) {
        Context context = new Context(now, stepGrace);
        List<Finding> findings = new ArrayList<>();
        Finding decisive = null;
        for (Rule rule : RULES) {
            Evidence found = rule.check().apply(events, context);
            if (found != null) {
                Finding named = new Finding(rule.id(), rule.stage(), found.reason(), found.eventIds(), List.of());
                findings.add(named);
                if (decisive == null && rule.decides()) {
                    decisive = named;
                }
            }
        }
        if (decisive == null) {
            return new Verdict("none", null, "nothing went wrong that the events show", List.of(),
                    List.copyOf(findings));
        }
        return new Verdict(decisive.stage(), decisive.rule(), decisive.reason(), decisive.eventIds(),
                List.copyOf(findings));
    }

    /**
     * The gateway refused the message: its signature did not verify, or its number routes nowhere (no mapping, or
     * another region's that this deployment cannot hand it to).
     */
    private static Evidence webhookRefused(List<LoggedEvent> events, Context context) {
        List<LoggedEvent> refused = refusals(events).stream()
                .filter(e -> !IntakeRefused.DUPLICATE.equals(e.data().path("reason").asText())).toList();
        if (refused.isEmpty()) {
            return null;
        }
        JsonNode first = refused.get(0).data();
        String reason = first.path("reason").asText();
        String why = IntakeRefused.BAD_SIGNATURE.equals(reason)
                ? "its signature did not verify (forged, or the gateway's Twilio auth token is wrong)"
                : IntakeRefused.POLICY_RESIDENCY.equals(reason)
                        ? "number " + first.path("to_number").asText() + " belongs to a region this deployment"
                                + " cannot hand messages to (no URL configured for it)"
                        : "number " + first.path("to_number").asText() + " is mapped to no workspace and workflow";
        return finding("the gateway refused message " + first.path("message_sid").asText() + ": " + why
                + (refused.size() > 1 ? "; " + refused.size() + " refusals in all" : ""), refused);
    }

    /**
     * The provider delivered a message the gateway had already taken: Twilio retries a webhook whose answer was
     * slow or failed. The repeat was refused (no second interaction), but intake did not answer the first in time.
     */
    private static Evidence duplicateWebhook(List<LoggedEvent> events, Context context) {
        List<LoggedEvent> repeats = refusals(events).stream()
                .filter(e -> IntakeRefused.DUPLICATE.equals(e.data().path("reason").asText())).toList();
        if (repeats.isEmpty()) {
            return null;
        }
        return finding("message " + repeats.get(0).data().path("message_sid").asText() + " was delivered again "
                + repeats.size() + " time(s) and refused as a duplicate: the provider retried, so intake's first"
                + " answer was slow or failed", repeats);
    }

    /** task-router opened more than one task for the interaction. */
    private static Evidence duplicateTask(List<LoggedEvent> events, Context context) {
        List<LoggedEvent> created = ofType(events, "task.created");
        if (created.size() < 2) {
            return null;
        }
        return finding(created.size() + " tasks were opened for one interaction", created);
    }

    /** interaction.created, and no task.created within the grace. */
    private static Evidence noTask(List<LoggedEvent> events, Context context) {
        LoggedEvent interaction = first(events, "interaction.created");
        if (interaction == null || first(events, "task.created") != null || young(interaction, context)) {
            return null;
        }
        return finding("no task was opened for the interaction within " + context.stepGrace().toSeconds()
                + " s of interaction.created", List.of(interaction));
    }

    /** task.created, and no task-queue.entered within the grace: no workflow filter placed it in a queue. */
    private static Evidence noQueue(List<LoggedEvent> events, Context context) {
        for (LoggedEvent task : ofType(events, "task.created")) {
            boolean queued = events.stream().anyMatch(e -> "task-queue.entered".equals(e.type())
                    && task.taskSid() != null && task.taskSid().equals(e.taskSid()));
            if (!queued && !young(task, context)) {
                return finding("task " + task.taskSid() + " entered no queue within "
                        + context.stepGrace().toSeconds() + " s: no workflow filter placed it", List.of(task));
            }
        }
        return null;
    }

    /**
     * The task declared {@code expected_queue} (from its number's mapping, or set by whoever created it) and entered
     * another queue. Placed there by a filter of the workflow that matched, the workflow did as configured: the
     * interaction was sent to the wrong workflow ({@code byDefault} false: intake). Placed by the default filter (no
     * filter matched), or when the event does not say which ({@code byDefault} true): routing.
     */
    private static Evidence expectedQueueMissed(List<LoggedEvent> events, boolean byDefault) {
        for (LoggedEvent task : ofType(events, "task.created")) {
            String expected = attribute(task, "expected_queue");
            if (expected == null) {
                continue;
            }
            for (LoggedEvent entered : ofType(events, "task-queue.entered")) {
                String queue = entered.data().path("task_queue_sid").asText(null);
                String filter = entered.data().path("filter").asText(null);
                boolean matchedFilter = filter != null && !TaskQueueEntered.DEFAULT_FILTER.equals(filter);
                if (task.taskSid() != null && task.taskSid().equals(entered.taskSid()) && queue != null
                        && !queue.equals(expected) && matchedFilter != byDefault) {
                    String how = matchedFilter
                            ? "; filter '" + filter + "' of workflow " + entered.data().path("workflow_sid").asText()
                                    + " matched as configured, so the interaction reached the wrong workflow"
                            : filter == null ? "" : "; no filter matched and the default filter placed it";
                    return finding("task " + task.taskSid() + " entered queue " + queue + ", expected " + expected
                            + how, List.of(task, entered));
                }
            }
        }
        return null;
    }

    /** An assignment or event callback to the customer's system failed. */
    private static Evidence callbackFailed(List<LoggedEvent> events, Context context) {
        List<LoggedEvent> failed = ofType(events, "callback.failed");
        if (failed.isEmpty()) {
            return null;
        }
        JsonNode first = failed.get(0).data();
        return finding("the " + first.path("kind").asText() + " callback to " + first.path("host").asText()
                + " failed (" + first.path("failure").asText() + " after " + first.path("attempts").asInt()
                + " attempt(s))" + (failed.size() > 1 ? "; " + failed.size() + " failures in all" : ""), failed);
    }

    /** The default filter placed a task: no filter of its workflow matched (an anomaly, not a fault in itself). */
    private static Evidence defaultFilter(List<LoggedEvent> events, Context context) {
        List<LoggedEvent> byDefault = ofType(events, "task-queue.entered").stream()
                .filter(e -> TaskQueueEntered.DEFAULT_FILTER.equals(e.data().path("filter").asText(null)))
                .toList();
        return byDefault.isEmpty() ? null
                : finding("no filter of the workflow matched; the default filter placed task "
                        + byDefault.get(0).taskSid() + " in queue "
                        + byDefault.get(0).data().path("task_queue_sid").asText(), byDefault);
    }

    /**
     * A reservation timed out: the worker offered the task did not answer. A reservation whose assignment callback
     * failed is left to the callback rule: the callback, not the worker, is why nobody accepted it.
     */
    private static Evidence reservationTimeout(List<LoggedEvent> events, Context context) {
        Set<String> callbackFailed = ofType(events, "callback.failed").stream()
                .map(e -> e.data().path("reservation_sid").asText(null)).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        List<LoggedEvent> timeouts = ofType(events, "reservation.timeout").stream()
                .filter(e -> !callbackFailed.contains(e.data().path("reservation_sid").asText()))
                .toList();
        if (timeouts.isEmpty()) {
            return null;
        }
        LoggedEvent first = timeouts.get(0);
        return finding("reservation " + first.data().path("reservation_sid").asText() + " of worker "
                + first.workerSid() + " timed out" + (timeouts.size() > 1 ? " (" + timeouts.size() + " in all)" : ""),
                timeouts);
    }

    /**
     * A task was canceled before anyone accepted it while workers of its queue were available with capacity for
     * its channel ({@code available_workers} of {@code task.canceled}): the customer left although agents were free.
     */
    private static Evidence abandonedWhileFree(List<LoggedEvent> events, Context context) {
        for (LoggedEvent canceled : ofType(events, "task.canceled")) {
            int free = canceled.data().path("available_workers").asInt(0);
            if (free > 0) {
                LoggedEvent created = events.stream().filter(e -> "task.created".equals(e.type())
                        && canceled.taskSid() != null && canceled.taskSid().equals(e.taskSid())).findFirst()
                        .orElse(null);
                String waited = created == null ? "" : " after waiting "
                        + Duration.between(created.occurredAt(), canceled.occurredAt()).toSeconds() + " s";
                return finding("task " + canceled.taskSid() + " was abandoned" + waited + " while " + free
                        + " worker(s) of queue " + canceled.data().path("task_queue_sid").asText()
                        + " were available with capacity", created == null ? List.of(canceled)
                                : List.of(created, canceled));
            }
        }
        return null;
    }

    private static List<LoggedEvent> refusals(List<LoggedEvent> events) {
        return ofType(events, IntakeRefused.TYPE);
    }

    /** A context read answered partially, or with a source timed out, failing or behind an open circuit. */
    private static Evidence contextFailed(List<LoggedEvent> events, Context context) {
        for (LoggedEvent served : ofType(events, "context.served")) {
            List<String> failed = new ArrayList<>();
            for (JsonNode source : served.data().path("sources")) {
                if (FAILED_SOURCE.contains(source.path("status").asText())) {
                    failed.add(source.path("name").asText() + " " + source.path("status").asText() + " after "
                            + source.path("latency_ms").asLong() + " ms");
                }
            }
            if (!failed.isEmpty() || served.data().path("partial").asBoolean(false)) {
                return finding("context read " + served.data().path("read_id").asText() + " was "
                        + (failed.isEmpty() ? "partial" : String.join(", ", failed)) + " (budget "
                        + served.data().path("budget_ms").asInt() + " ms)", List.of(served));
            }
        }
        return null;
    }

    private static boolean young(LoggedEvent event, Context context) {
        return event.occurredAt().plus(context.stepGrace()).isAfter(context.now());
    }

    private static String attribute(LoggedEvent task, String name) {
        String attributes = task.data().path("attributes").asText(null);
        if (attributes == null) {
            return null;
        }
        try {
            JsonNode value = EventCodec.mapper().readTree(attributes).path(name);
            return value.isTextual() ? value.asText() : null;
        } catch (IOException e) {
            return null; // attributes set through the REST API may be anything
        }
    }

    private static LoggedEvent first(List<LoggedEvent> events, String type) {
        return events.stream().filter(e -> type.equals(e.type())).findFirst().orElse(null);
    }

    private static List<LoggedEvent> ofType(List<LoggedEvent> events, String type) {
        return events.stream().filter(e -> type.equals(e.type())).toList();
    }

    private static Evidence finding(String reason, List<LoggedEvent> evidence) {
        return new Evidence(reason, evidence.stream().map(LoggedEvent::eventId).toList());
    }

    /** What a rule found, before the table names its rule and stage. */
    private record Evidence(String reason, List<String> eventIds) {}
}
