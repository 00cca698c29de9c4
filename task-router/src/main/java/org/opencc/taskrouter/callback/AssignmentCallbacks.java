package org.opencc.taskrouter.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.opencc.contracts.SpanKeys;
import org.opencc.contracts.task.ReservationCreated;
import org.opencc.support.consumer.InboundEvent;
import org.opencc.support.problem.ProblemException;
import org.opencc.taskrouter.reservation.ReservationService;

/**
 * Calls the workflow's {@code assignment_callback_url} for each new reservation (falling back to
 * {@code fallback_assignment_callback_url}) and carries out the instruction the answer holds. Runs from Kafka,
 * after the routing transaction committed, so a slow or failing customer server never holds up routing.
 */
@ApplicationScoped
public class AssignmentCallbacks {
    private static final Logger LOG = Logger.getLogger(AssignmentCallbacks.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Instructions about the call or conversation itself: the channel gateway's job (not yet implemented there). */
    static final Set<String> HANDED_OFF = Set.of("dequeue", "call", "conference", "redirect");

    private final CallbackParameters parameters;
    private final CallbackIntents intents;
    private final CallbackClient client;
    private final ReservationService reservations;

    public AssignmentCallbacks(CallbackParameters parameters, CallbackIntents intents, CallbackClient client,
            ReservationService reservations) {
        this.parameters = parameters;
        this.intents = intents;
        this.client = client;
        this.reservations = reservations;
    }

    public void handle(InboundEvent inbound) {
        if (!(inbound.event().orElse(null) instanceof ReservationCreated created)) {
            return;
        }
        Optional<CallbackParameters.Assignment> assignment = parameters.assignment(inbound.id(), created);
        if (assignment.isEmpty()) {
            return;
        }
        CallbackIntent intent = assignment.get().intent();
        if (!"pending".equals(assignment.get().reservationStatus())) {
            // answered (or timed out) before this event was consumed: offering it to the customer would be wrong
            intents.skip(intent, "reservation-" + assignment.get().reservationStatus());
            return;
        }
        if (!intents.claim(intent)) {
            Span.current().setAttribute(SpanKeys.DUPLICATE, true);
            LOG.debugf("assignment callback for event %s already made; skipping the redelivery", inbound.id());
            return;
        }
        CallbackOutcome answer = client.post(intent.url(), intent.params(), intent.taskSid(),
                intent.idempotencyToken());
        int attempts = answer.attempts();
        String answeredBy = "primary";
        String answeredUrl = intent.url();
        String error = answer.failure();
        if (!answer.succeeded() && intent.fallbackUrl() != null) {
            CallbackOutcome fallback = client.post(intent.fallbackUrl(), intent.params(), intent.taskSid(),
                    intent.idempotencyToken());
            attempts += fallback.attempts();
            error = "primary: " + answer.failure() + "; fallback: "
                    + (fallback.succeeded() ? "ok" : fallback.failure());
            answer = fallback;
            answeredBy = "fallback";
            answeredUrl = intent.fallbackUrl();
        }
        if (!answer.succeeded()) {
            // callback.failed reports the last POST: the fallback's host, status and failure when there was one
            intents.fail(intent, answeredUrl, answer, attempts, null, error);
            return;
        }
        act(intent, answer, attempts, answeredBy, error);
    }

    private void act(CallbackIntent intent, CallbackOutcome answer, int attempts, String answeredBy, String error) {
        String instruction = instruction(answer.body());
        if (instruction == null) {
            intents.finish(intent, CallbackIntents.SENT, attempts, answeredBy, answer.status(), null, error);
            return;
        }
        if ("accept".equals(instruction) || "reject".equals(instruction)) {
            try {
                if ("accept".equals(instruction)) {
                    reservations.accept(intent.workspaceSid(), intent.workerSid(), intent.reservationSid());
                } else {
                    reservations.reject(intent.workspaceSid(), intent.workerSid(), intent.reservationSid());
                }
                intents.finish(intent, CallbackIntents.SENT, attempts, answeredBy, answer.status(), instruction,
                        error);
            } catch (ProblemException e) {
                // typically the reservation was answered or timed out meanwhile; the detail names sids only
                intents.finish(intent, CallbackIntents.FAILED, attempts, answeredBy, answer.status(), instruction,
                        instruction + "-refused: " + e.getMessage());
            }
        } else if (HANDED_OFF.contains(instruction)) {
            LOG.infof("assignment callback for reservation %s answered '%s': handed off to the channel gateway",
                    intent.reservationSid(), instruction);
            intents.finish(intent, CallbackIntents.HANDED_OFF, attempts, answeredBy, answer.status(), instruction,
                    error);
        } else {
            intents.finish(intent, CallbackIntents.FAILED, attempts, answeredBy, answer.status(), null,
                    "unknown-instruction");
        }
    }

    /**
     * The instruction in a response body: null for an empty body or a JSON object without one; "" (unknown) for
     * anything that is not a JSON object or whose instruction is not a string.
     */
    static String instruction(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode json = MAPPER.readTree(body);
            if (json == null || !json.isObject()) {
                return "";
            }
            JsonNode instruction = json.get("instruction");
            if (instruction == null || instruction.isNull()) {
                return null;
            }
            return instruction.isTextual() ? instruction.asText() : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
