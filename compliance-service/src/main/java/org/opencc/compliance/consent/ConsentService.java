package org.opencc.compliance.consent;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencc.compliance.audit.AuditService;
import org.opencc.compliance.policy.PolicyStore;
import org.opencc.contracts.EventCodec;
import org.opencc.contracts.SpanKeys;
import org.opencc.contracts.Stage;
import org.opencc.support.ids.Sids;
import org.opencc.support.outbox.OutboxWriter;
import org.opencc.support.problem.ProblemException;
import org.opencc.support.problem.ProblemType;
import org.opencc.support.tracing.StageSpans;
import org.opencc.contracts.compliance.ConsentCaptured;
import org.opencc.contracts.compliance.ConsentRevoked;

/**
 * Captures, revokes, reads and verifies consent records. A capture or a revocation is signed, stored, published
 * ({@code consent.captured}, {@code consent.revoked}) through the outbox and appended to the audit chain in one
 * transaction, after every check: a refused request writes nothing.
 */
@ApplicationScoped
public class ConsentService {
    private static final String NOT_FOUND = "the consent record";

    private final ConsentRepository consents;
    private final ConsentSigner signer;
    private final PolicyStore policies;
    private final OutboxWriter outbox;
    private final AuditService audit;
    private final Clock clock;

    public ConsentService(ConsentRepository consents, ConsentSigner signer, PolicyStore policies, OutboxWriter outbox,
            AuditService audit, Clock clock) {
        this.consents = consents;
        this.signer = signer;
        this.policies = policies;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @throws ProblemException {@code forbidden} when an agent's token names no worker, or the audit trail has no
     *     assignment of the interaction to that worker
     */
    @Transactional
    @WithSpan("ConsentService.capture")
    public ConsentResponse capture(ConsentRequest request, Actor actor) {
        Span span = StageSpans.current(Stage.COMPLIANCE);
        StageSpans.id(span, SpanKeys.INTERACTION_ID, request.interactionId());
        if (actor.isAgent()) {
            String workerSid = requireWorker(actor, span);
            if (!audit.wasAssigned(request.interactionId(), workerSid)) {
                throw new ProblemException(ProblemType.FORBIDDEN, "an agent captures consent only in an interaction"
                        + " assigned to their worker, and this service's audit trail has no interaction.assigned of"
                        + " it to " + workerSid);
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ConsentRecord unsigned = new ConsentRecord(Sids.next("CN"), request.interactionId(), request.customerKey(),
                request.scope(), request.method(), true, actor.subject(), actor.role(), actor.workerSid(), now,
                policies.current().version(), Ed25519Keys.ALGORITHM, signer.currentKeyId(), null);
        ConsentRecord record = unsigned.signed(signer.sign(ConsentForms.record(unsigned)));
        consents.insert(record);
        ConsentCaptured event = new ConsentCaptured(record.consentId(), record.interactionId(), record.customerKey(),
                record.scope(), record.method(), record.capturedByRole(), record.workerSid(), record.policyVersion(),
                record.keyId(), now);
        UUID eventId = outbox.append(event);
        audit.recordPublished(eventId.toString(), event, actor.subject(), actor.role(), record.interactionId(),
                record.workerSid(), now, detail(record, record.method()));
        return ConsentResponse.of(record, null);
    }

    /**
     * Revokes a consent: a signed revocation beside the (unchanged) signed record.
     *
     * @param method how the customer withdrew it, or null
     * @throws ProblemException {@code not-found}; {@code forbidden} when an agent revokes a consent someone else
     *     captured; {@code conflict} when it is revoked already
     */
    @Transactional
    @WithSpan("ConsentService.revoke")
    public ConsentResponse revoke(String consentId, String method, Actor actor) {
        Span span = StageSpans.current(Stage.COMPLIANCE);
        // locked: two revocations of one consent queue up, and the second sees the first
        ConsentRecord record = known(consentId, true);
        StageSpans.id(span, SpanKeys.INTERACTION_ID, record.interactionId());
        if (actor.isAgent()) {
            requireWorker(actor, span);
            if (!actor.subject().equals(record.capturedBy())) {
                throw new ProblemException(ProblemType.FORBIDDEN,
                        "an agent may revoke only a consent they captured; ask compliance");
            }
        }
        Optional<ConsentRevocation> existing = consents.revocation(consentId);
        if (existing.isPresent()) {
            throw alreadyRevoked(existing.get());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ConsentRevocation unsigned = new ConsentRevocation(consentId, method, actor.subject(), actor.role(),
                actor.workerSid(), now, policies.current().version(), Ed25519Keys.ALGORITHM, signer.currentKeyId(),
                null);
        ConsentRevocation revocation = unsigned.signed(signer.sign(
                ConsentForms.revocation(unsigned, record.signature())));
        if (!consents.insertRevocation(revocation)) {
            throw alreadyRevoked(consents.revocation(consentId).orElse(revocation));
        }
        ConsentRevoked event = new ConsentRevoked(consentId, record.interactionId(), record.customerKey(),
                record.scope(), method, actor.role(), actor.workerSid(), revocation.policyVersion(),
                revocation.keyId(), now);
        UUID eventId = outbox.append(event);
        audit.recordPublished(eventId.toString(), event, actor.subject(), actor.role(), record.interactionId(),
                actor.workerSid(), now, detail(record, method));
        return ConsentResponse.of(record, revocation);
    }

    /** A consent record with its revocation, as stored. */
    @Transactional
    @WithSpan("ConsentService.find")
    public ConsentResponse find(String consentId) {
        Span span = StageSpans.current(Stage.COMPLIANCE);
        ConsentRecord record = known(consentId, false);
        StageSpans.id(span, SpanKeys.INTERACTION_ID, record.interactionId());
        return ConsentResponse.of(record, consents.revocation(consentId).orElse(null));
    }

    /**
     * Recomputes the canonical forms from the stored rows and checks the stored signatures with the trusted keys. A
     * revocation row that is missing although the audit trail recorded the revocation is reported too (a deleted
     * revocation would otherwise quietly let recording resume).
     */
    @Transactional
    @WithSpan("ConsentService.verify")
    public ConsentVerification verify(String consentId) {
        Span span = StageSpans.current(Stage.COMPLIANCE);
        ConsentRecord record = known(consentId, false);
        StageSpans.id(span, SpanKeys.INTERACTION_ID, record.interactionId());
        String form = ConsentForms.record(record);
        String problem = signer.problemWith(form, record.algorithm(), record.keyId(), record.signature());
        String reason = problem == null ? null : "consent record: " + problem;
        ConsentVerification.RevocationCheck check = null;
        Optional<ConsentRevocation> revocation = consents.revocation(consentId);
        if (revocation.isPresent()) {
            ConsentRevocation v = revocation.get();
            String revocationForm = ConsentForms.revocation(v, record.signature());
            String revocationProblem = signer.problemWith(revocationForm, v.algorithm(), v.keyId(), v.signature());
            check = new ConsentVerification.RevocationCheck(revocationProblem == null, revocationProblem,
                    v.algorithm(), v.keyId(), v.signature(), revocationForm);
            if (reason == null && revocationProblem != null) {
                reason = "revocation: " + revocationProblem;
            }
        } else if (reason == null && audit.hasEntry(record.interactionId(), ConsentRevoked.TYPE, consentId)) {
            reason = "revocation missing: the audit trail records consent.revoked for this consent, but there is no"
                    + " revocation row (deleted?)";
        }
        return new ConsentVerification(consentId, reason == null, reason, record.algorithm(), record.keyId(),
                record.signature(), form, check);
    }

    private ConsentRecord known(String consentId, boolean lock) {
        // a malformed id is simply not known: the path is not echoed
        if (!Sids.isValid("CN", consentId)) {
            throw ProblemException.notFound(NOT_FOUND);
        }
        return consents.find(consentId, lock).orElseThrow(() -> ProblemException.notFound(NOT_FOUND));
    }

    private static String requireWorker(Actor actor, Span span) {
        if (actor.workerSid() == null) {
            throw new ProblemException(ProblemType.FORBIDDEN, "an agent's token must name its worker (worker_sid)");
        }
        StageSpans.id(span, SpanKeys.WORKER_SID, actor.workerSid());
        return actor.workerSid();
    }

    private static ProblemException alreadyRevoked(ConsentRevocation existing) {
        return new ProblemException(ProblemType.CONFLICT, "the consent was revoked already, at "
                + ConsentForms.instant(existing.revokedAt()));
    }

    // ids, the pseudonymous key and names: what the audit entry says beyond its columns
    private static String detail(ConsentRecord record, String method) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("consent_id", record.consentId());
        detail.put("customer_key", record.customerKey());
        detail.put("scope", record.scope());
        if (method != null) {
            detail.put("method", method);
        }
        try {
            return EventCodec.mapper().writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the audit detail of consent " + record.consentId(), e);
        }
    }
}
