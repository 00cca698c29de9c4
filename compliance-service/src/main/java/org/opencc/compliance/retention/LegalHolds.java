package org.opencc.compliance.retention;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencc.compliance.audit.AuditService;
import org.opencc.compliance.consent.Actor;
import org.opencc.contracts.EventCodec;
import org.opencc.contracts.SpanKeys;
import org.opencc.contracts.Stage;
import org.opencc.support.ids.Sids;
import org.opencc.support.problem.ProblemException;
import org.opencc.support.problem.ProblemType;
import org.opencc.support.tracing.StageSpans;

/**
 * Places, releases and reads legal holds. Placing and releasing are audited ({@code legal-hold.placed},
 * {@code legal-hold.released}) in the same transaction as the change; the reason is not copied into the audit
 * trail (free text may name people), only ids.
 */
@ApplicationScoped
public class LegalHolds {
    /** Audit entry types. */
    public static final String PLACED = "legal-hold.placed";
    public static final String RELEASED = "legal-hold.released";
    private static final String NOT_FOUND = "the legal hold";

    private final LegalHoldRepository holds;
    private final AuditService audit;
    private final Clock clock;

    public LegalHolds(LegalHoldRepository holds, AuditService audit, Clock clock) {
        this.holds = holds;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public LegalHold place(LegalHoldRequest request, Actor actor) {
        Span span = StageSpans.current(Stage.COMPLIANCE);
        StageSpans.id(span, SpanKeys.INTERACTION_ID, request.interactionId());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LegalHold hold = new LegalHold(Sids.next("LH"), request.customerKey(), request.interactionId(),
                request.reason(), actor.subject(), now, null, null);
        holds.insert(hold);
        audit.recordAction(PLACED, hold.holdId(), actor.subject(), actor.role(), hold.interactionId(), now,
                detail(hold));
        return hold;
    }

    /** @throws ProblemException {@code not-found}; {@code conflict} when it was released already */
    @Transactional
    public LegalHold release(String id, Actor actor) {
        Span span = StageSpans.current(Stage.COMPLIANCE);
        LegalHold hold = known(id, true);
        StageSpans.id(span, SpanKeys.INTERACTION_ID, hold.interactionId());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!hold.active() || !holds.release(id, actor.subject(), now)) {
            throw new ProblemException(ProblemType.CONFLICT, "the legal hold was released already"
                    + (hold.releasedAt() == null ? "" : ", at " + hold.releasedAt()));
        }
        audit.recordAction(RELEASED, hold.holdId(), actor.subject(), actor.role(), hold.interactionId(), now,
                detail(hold));
        return known(id, false);
    }

    public LegalHold find(String id) {
        return known(id, false);
    }

    /** @param active true: active only; false: released only; null: all */
    public List<LegalHold> list(Boolean active) {
        return holds.list(active);
    }

    private LegalHold known(String id, boolean lock) {
        // a malformed id is simply not known: the path is not echoed
        if (!Sids.isValid("LH", id)) {
            throw ProblemException.notFound(NOT_FOUND);
        }
        return holds.find(id, lock).orElseThrow(() -> ProblemException.notFound(NOT_FOUND));
    }

    // ids and the pseudonymous key: what the audit entry says beyond its columns; never the reason
    private static String detail(LegalHold hold) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("hold_id", hold.holdId());
        if (hold.customerKey() != null) {
            detail.put("customer_key", hold.customerKey());
        } else {
            detail.put("interaction_id", hold.interactionId());
        }
        try {
            return EventCodec.mapper().writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the audit detail of legal hold " + hold.holdId(), e);
        }
    }
}
