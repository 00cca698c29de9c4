package org.opencc.compliance.retention;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.opencc.compliance.audit.AuditService;
import org.opencc.compliance.fanout.FanOutServices;
import org.opencc.compliance.fanout.FanOutTable;
import org.opencc.compliance.policy.DataClass;
import org.opencc.compliance.policy.Policy;
import org.opencc.compliance.policy.PolicyStore;
import org.opencc.contracts.Stage;
import org.opencc.contracts.compliance.PurgeCompleted;
import org.opencc.contracts.compliance.PurgeRequested;
import org.opencc.support.ids.Sids;
import org.opencc.support.outbox.OutboxWriter;
import org.opencc.support.problem.ProblemException;
import org.opencc.support.tracing.StageSpans;

/**
 * Retention purges: a run requests, per data class, that every service purge what has outlived the policy's
 * retention ({@code retention.purge.requested}, cutoffs from {@link RetentionCutoffs}, sparing the subjects of the
 * active legal holds), records the services' {@code retention.purge.completed} answers, and publishes again to
 * those that have not answered. A class whose previous purge is incomplete is skipped, so requests never pile up
 * on a straggler. Each purge row, its event and its audit entry commit together.
 */
@ApplicationScoped
public class RetentionPurges {
    /** Who publishes purges, in the audit trail. */
    static final String ACTOR = "compliance-service";
    private static final String NOT_FOUND = "the retention purge";
    private static final Logger LOG = Logger.getLogger(RetentionPurges.class);

    private final RetentionRepository purges;
    private final LegalHoldRepository holds;
    private final PolicyStore policies;
    private final OutboxWriter outbox;
    private final AuditService audit;
    private final FanOutServices services;
    private final Clock clock;

    public RetentionPurges(RetentionRepository purges, LegalHoldRepository holds, PolicyStore policies,
            OutboxWriter outbox, AuditService audit, FanOutServices services, Clock clock) {
        this.purges = purges;
        this.holds = holds;
        this.policies = policies;
        this.outbox = outbox;
        this.audit = audit;
        this.services = services;
        this.clock = clock;
    }

    /** Runs now, whatever the schedule: one purge per data class that has no incomplete purge. */
    @Transactional
    @WithSpan("RetentionPurges.run")
    public RetentionRun run() {
        return run(clock.instant());
    }

    /**
     * The scheduled run: runs only if this replica is the first to claim the run slot of {@code now} (the start of
     * its {@code interval}, counted from the epoch), in the same transaction as the purges it requests.
     *
     * @return empty when another replica (or an earlier tick) ran this slot already
     */
    @Transactional
    @WithSpan("RetentionPurges.runScheduled")
    public Optional<RetentionRun> runScheduled(Instant now, Duration interval) {
        long every = Math.max(1, interval.toMillis());
        Instant slot = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), every) * every);
        if (!purges.claimRun(slot, now)) {
            return Optional.empty();
        }
        return Optional.of(run(now));
    }

    /** Records a service's answer; completes the purge when every expected service has answered. */
    @Transactional
    public void answered(PurgeCompleted answer) {
        Span.current().setAttribute("cc.purge.id", answer.purgeId());
        Optional<RetentionRepository.Stored> purge = purges.byId(answer.purgeId());
        if (purge.isEmpty()) {
            LOG.warnf("an answer to unknown retention purge %s from %s", answer.purgeId(), answer.service());
            return;
        }
        purges.table().answer(answer.purgeId(), answer.service(), answer.records(), answer.completedAt());
        if (services.allAnswered(purges.table().answers(answer.purgeId()))) {
            purges.table().complete(answer.purgeId(), clock.instant());
        }
    }

    /**
     * Publishes again every incomplete purge last published before {@code before}, with its cutoffs and the holds
     * in force now (a hold placed since protects too; one released since no longer does).
     */
    @Transactional
    public int retry(Instant before) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LegalHoldRepository.Held[] held = {null};
        return purges.table().retry(before, now, RetentionRepository::stored, (purge, attempt) -> {
            if (held[0] == null) {
                held[0] = holds.held();
            }
            publish(purge.id(), purge.dataClass(), purge.policyVersion(),
                    new RetentionCutoffs(purge.defaultCutoff(), purge.countryCutoffs()), held[0], attempt, now);
        });
    }

    /** @throws ProblemException {@code not-found} for an unknown or malformed id */
    public PurgeStatus find(String id) {
        if (!Sids.isValid("PG", id)) {
            throw ProblemException.notFound(NOT_FOUND);
        }
        RetentionRepository.Stored purge = purges.byId(id).orElseThrow(() -> ProblemException.notFound(NOT_FOUND));
        return status(purge, purges.table().answers(id));
    }

    /** Purges requested in {@code [from, to)}, oldest first, each with its services' answers. */
    public List<PurgeStatus> requestedBetween(Instant from, Instant to) {
        List<RetentionRepository.Stored> found = purges.requestedBetween(from, to);
        Map<String, Map<String, FanOutTable.Answer>> answers = purges.table().answers(
                found.stream().map(RetentionRepository.Stored::id).toList());
        return found.stream().map(p -> status(p, answers.getOrDefault(p.id(), Map.of()))).toList();
    }

    private RetentionRun run(Instant at) {
        StageSpans.current(Stage.COMPLIANCE);
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        Policy policy = policies.current();
        LegalHoldRepository.Held held = holds.held();
        Map<String, String> requested = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        for (DataClass dataClass : DataClass.values()) {
            RetentionCutoffs cutoffs = RetentionCutoffs.of(policy, dataClass, now);
            String id = Sids.next("PG");
            if (purges.insert(id, dataClass.value(), policy.version(), cutoffs, held.customerKeys().size(),
                    held.interactionIds().size(), now)) {
                publish(id, dataClass.value(), policy.version(), cutoffs, held, 1, now);
                requested.put(dataClass.value(), id);
            } else {
                skipped.add(dataClass.value());
            }
        }
        // ids and counts only
        LOG.infof("retention run under policy %s: requested %s; skipped (previous purge incomplete) %s;"
                + " %d customer(s) and %d interaction(s) held", policy.version(), requested, skipped,
                held.customerKeys().size(), held.interactionIds().size());
        return new RetentionRun(now, policy.version(), requested, skipped);
    }

    private void publish(String id, String dataClass, String policyVersion, RetentionCutoffs cutoffs,
            LegalHoldRepository.Held held, int attempt, Instant at) {
        PurgeRequested event = new PurgeRequested(id, dataClass, policyVersion, cutoffs.defaultCutoff(),
                cutoffs.countryCutoffs(), held.customerKeys(), held.interactionIds(), attempt, at);
        UUID eventId = outbox.append(event);
        audit.recordPublished(eventId.toString(), event, ACTOR, at);
    }

    private PurgeStatus status(RetentionRepository.Stored purge, Map<String, FanOutTable.Answer> answers) {
        long records = answers.values().stream().mapToLong(FanOutTable.Answer::records).sum();
        return new PurgeStatus(purge.id(), purge.dataClass(), purge.policyVersion(),
                purge.completedAt() == null ? "pending" : "complete", purge.defaultCutoff(), purge.countryCutoffs(),
                purge.heldCustomers(), purge.heldInteractions(), records, services.statuses(answers),
                purge.attempts(), purge.requestedAt(), purge.completedAt());
    }
}
