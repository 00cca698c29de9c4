package org.opencc.gateway.problem;

import java.util.List;
import java.util.stream.Collectors;
import org.opencc.support.problem.FieldError;
import org.opencc.support.problem.ProblemException;
import org.opencc.support.problem.ProblemType;

/** Problem types only channel-gateway reports (the shared ones are on {@link ProblemType}), and its 400s. */
public final class ProblemTypes {
    /** A webhook without a valid {@code X-Twilio-Signature}: not from Twilio, or signed for another URL. */
    public static final ProblemType SIGNATURE_INVALID = new ProblemType("signature-invalid",
            "The Twilio signature is missing or does not match", 403, 20403);
    /**
     * A free-form WhatsApp reply more than 24 hours after the customer's last message: WhatsApp only delivers
     * approved templates then (Twilio's error 63016).
     */
    public static final ProblemType WHATSAPP_SESSION_CLOSED = new ProblemType("whatsapp-session-closed",
            "The WhatsApp customer-care window is closed", 422, 63016);
    /** A reply to an interaction no agent has accepted yet. */
    public static final ProblemType INTERACTION_NOT_ASSIGNED = new ProblemType("interaction-not-assigned",
            "The interaction is not assigned to an agent", 409, 20409);
    /** A reply to an interaction whose task completed or was canceled. */
    public static final ProblemType INTERACTION_ENDED = new ProblemType("interaction-ended",
            "The interaction has ended", 409, 20409);
    /** An {@code Idempotency-Key} used before for a different message. */
    public static final ProblemType IDEMPOTENCY_KEY_REUSED = new ProblemType("idempotency-key-reused",
            "The Idempotency-Key was used for another request", 422, 20422);
    /** Twilio refused the message or could not be reached; the message is recorded as failed. */
    public static final ProblemType TWILIO_REQUEST_FAILED = new ProblemType("twilio-request-failed",
            "Twilio did not accept the message", 502, 20502);

    private ProblemTypes() {}

    /** A 400 naming every invalid field at once, so a caller fixes them in one round. */
    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return new ProblemException(ProblemType.VALIDATION, detail, errors);
    }
}
