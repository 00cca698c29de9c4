package org.opencc.compliance.decision;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencc.compliance.audit.AuditService;
import org.opencc.compliance.consent.ConsentForms;
import org.opencc.compliance.consent.ConsentRepository;
import org.opencc.compliance.consent.ConsentRepository.LatestConsent;
import org.opencc.compliance.consent.ConsentRequest;
import org.opencc.compliance.consent.CustomerKeys;
import org.opencc.compliance.decision.RecordingRules.Outcome;
import org.opencc.compliance.policy.Policy;
import org.opencc.compliance.policy.PolicyStore;
import org.opencc.contracts.Channel;
import org.opencc.contracts.Stage;
import org.opencc.support.ids.Sids;
import org.opencc.support.outbox.OutboxWriter;
import org.opencc.support.problem.FieldError;
import org.opencc.support.problem.ProblemException;
import org.opencc.support.problem.ProblemType;
import org.opencc.support.tracing.StageSpans;
import org.opencc.contracts.compliance.RecordingDecided;

/**
 * Takes a recording decision under the current policy (and, when the request names the customer, their consent
 * records), stores it, publishes {@code compliance.recording.decided} through the outbox and appends it to the audit
 * chain, all in one transaction.
 */
@ApplicationScoped
public class RecordingDecisionService {
    private final PolicyStore policies;
    private final RecordingDecisionRepository decisions;
    private final ConsentRepository consents;
    private final OutboxWriter outbox;
    private final AuditService audit;
    private final Clock clock;

    public RecordingDecisionService(PolicyStore policies, RecordingDecisionRepository decisions,
            ConsentRepository consents, OutboxWriter outbox, AuditService audit, Clock clock) {
        this.policies = policies;
        this.decisions = decisions;
        this.consents = consents;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param decidedBy the caller's JWT subject
     * @throws ProblemException {@code validation-failed} naming every malformed or unknown field
     */
    @Transactional
    @WithSpan("RecordingDecisionService.decide")
    public RecordingDecisionResponse decide(RecordingDecisionRequest request, String decidedBy) {
        StageSpans.current(Stage.COMPLIANCE);
        Policy policy = policies.current();
        RecordingDecisionRequest given = request != null ? request : new RecordingDecisionRequest(null, null, null,
                null, null);
        List<FieldError> errors = new ArrayList<>();
        PartyLocation from = locate("from", given.from(), errors);
        PartyLocation to = locate("to", given.to(), errors);
        Channel channel = channel(given.channel(), errors);
        if (given.region() == null || !policy.regions().containsKey(given.region())) {
            errors.add(new FieldError("region", "must be one of the policy's regions " + policy.regions().keySet()));
        }
        if (given.customerKey() != null) {
            CustomerKeys.problem(given.customerKey()).ifPresent(m -> errors.add(new FieldError("customer_key", m)));
        }
        if (!errors.isEmpty()) {
            String detail = String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
            throw new ProblemException(ProblemType.VALIDATION, detail, errors);
        }

        Outcome outcome = RecordingRules.decide(policy, channel, given.region(), from, to);
        Optional<LatestConsent> customerConsent = given.customerKey() == null ? Optional.empty()
                : consents.latest(given.customerKey(), ConsentRequest.RECORDING);
        outcome = withConsent(outcome, given.customerKey() != null, customerConsent);
        Instant decidedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String consent = outcome.consent() == null ? "none" : outcome.consent().value();
        RecordingDecisionResponse decision = new RecordingDecisionResponse(Sids.next("RD"), outcome.record(),
                outcome.announcement(), consent, policy.version(), outcome.jurisdictions(), outcome.reasons(),
                decidedAt);
        RecordingDecided event = new RecordingDecided(decision.decisionId(), channel.value(), given.region(),
                decision.record(), consent, policy.version(), from.country(), from.subdivision(), to.country(),
                to.subdivision(), decidedAt);
        decisions.insert(decision, event, decidedBy, given.customerKey(),
                customerConsent.map(LatestConsent::consentId).orElse(null));
        UUID eventId = outbox.append(event);
        audit.recordPublished(eventId.toString(), event, decidedBy, decidedAt);
        return decision;
    }

    /**
     * The customer's consent records on top of the policy: a revocation as their latest recording consent event
     * means no recording from then on, whatever the policy allows (earlier decisions stand); a consent in force, or
     * none on record, leaves the policy's outcome as it is and only says so.
     */
    static Outcome withConsent(Outcome outcome, boolean customerGiven, Optional<LatestConsent> latest) {
        if (!customerGiven) {
            return outcome;
        }
        List<String> reasons = new ArrayList<>(outcome.reasons());
        // "not recorded", when there, stays the last step
        boolean notRecorded = !outcome.record() && !reasons.isEmpty() && reasons.get(reasons.size() - 1)
                .equals(RecordingRules.NOT_RECORDED);
        if (notRecorded) {
            reasons.remove(reasons.size() - 1);
        }
        if (latest.isEmpty()) {
            reasons.add("customer: no recording consent on record");
        } else if (!latest.get().revoked()) {
            reasons.add("customer: recording consent " + latest.get().consentId() + " captured at "
                    + ConsentForms.instant(latest.get().at()) + " is in force");
        } else {
            reasons.add("customer: recording consent " + latest.get().consentId() + " was revoked at "
                    + ConsentForms.instant(latest.get().at()) + "; later interactions are not recorded");
            reasons.add(RecordingRules.NOT_RECORDED);
            return new Outcome(false, null, null, outcome.jurisdictions(), reasons);
        }
        if (notRecorded) {
            reasons.add(RecordingRules.NOT_RECORDED);
        }
        return new Outcome(outcome.record(), outcome.consent(), outcome.announcement(), outcome.jurisdictions(),
                reasons);
    }

    // the number itself goes nowhere beyond this method: not into errors, spans, logs or rows
    private static PartyLocation locate(String field, String number, List<FieldError> errors) {
        Optional<PartyLocation> location = NumberLocator.locate(number);
        if (location.isEmpty()) {
            errors.add(new FieldError(field, number == null ? "missing" : "not a valid E.164 number (+ and digits)"));
            return null;
        }
        return location.get();
    }

    private static Channel channel(String value, List<FieldError> errors) {
        for (Channel channel : Channel.values()) {
            if (channel.value().equals(value)) {
                return channel;
            }
        }
        errors.add(new FieldError("channel", "must be one of voice, sms, whatsapp, chat"));
        return null;
    }
}
