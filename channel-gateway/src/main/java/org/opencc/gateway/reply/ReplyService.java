package org.opencc.gateway.reply;

import com.twilio.exception.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.opencc.gateway.message.MessageStatus;
import org.opencc.gateway.message.StoredMessage;
import org.opencc.gateway.problem.ProblemTypes;
import org.opencc.support.problem.ProblemException;

/**
 * Sends an agent's reply. The effect outside PostgreSQL (Twilio's Messages API) is recorded as an intent first:
 * the {@code queued} row commits before Twilio is called, Twilio's answer is recorded after, and a request
 * repeating an {@code Idempotency-Key} gets the recorded result without calling Twilio again. Deliberately not
 * transactional: no database transaction stays open while Twilio answers.
 */
@ApplicationScoped
public class ReplyService {
    private static final Logger LOG = Logger.getLogger(ReplyService.class);
    /** Twilio's limit on a message body, in characters. */
    static final int MAX_BODY = 1600;
    private static final int MAX_KEY = 255;

    private final ReplyIntents intents;
    private final TwilioMessaging twilio;

    public ReplyService(ReplyIntents intents, TwilioMessaging twilio) {
        this.intents = intents;
        this.twilio = twilio;
    }

    /** The sent (or earlier) message; a 502 problem when Twilio refused it or could not be reached. */
    public StoredMessage send(String interactionId, String body, String idempotencyKey) {
        validate(body, idempotencyKey);
        String key = idempotencyKey == null ? "gen-" + UUID.randomUUID() : idempotencyKey;
        ReplyIntents.Queued queued = intents.queue(interactionId, body, key);
        StoredMessage message = queued.message();
        if (!queued.fresh()) {
            // the first request's result; a still queued one is in flight (or its outcome unknown): never resent
            LOG.debugf("reply %s repeated with its idempotency key: Twilio not called again", message.id());
            return answer(message);
        }
        String sid;
        try {
            sid = twilio.send(queued.to(), queued.from(), body);
        } catch (ApiException e) {
            // Twilio's message may quote the number: logged by code only
            LOG.warnf("reply %s to interaction %s refused by Twilio: HTTP %s, error %s", message.id(), interactionId,
                    e.getStatusCode(), e.getCode());
            return answer(intents.failed(message.id(), e.getCode(), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warnf("reply %s to interaction %s: Twilio not reached (%s)", message.id(), interactionId,
                    e.getClass().getSimpleName());
            return answer(intents.failed(message.id(), null, e.getClass().getSimpleName()));
        }
        LOG.infof("reply %s to interaction %s sent as %s", message.id(), interactionId, sid);
        return intents.sent(message.id(), sid);
    }

    private static StoredMessage answer(StoredMessage message) {
        if (MessageStatus.FAILED.equals(message.status()) && message.providerSid() == null) {
            throw new ProblemException(ProblemTypes.TWILIO_REQUEST_FAILED, message.errorCode() == null
                    ? "Twilio could not be reached; message " + message.id() + " was not sent"
                    : "Twilio refused message " + message.id() + " with error " + message.errorCode());
        }
        return message;
    }

    private static void validate(String body, String idempotencyKey) {
        if (body == null || body.isBlank()) {
            throw ProblemException.invalid("body", "is required");
        }
        if (body.codePointCount(0, body.length()) > MAX_BODY) {
            throw ProblemException.invalid("body", "must be at most " + MAX_BODY + " characters");
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY)) {
            throw ProblemException.invalid("Idempotency-Key", "must be 1 to " + MAX_KEY + " characters");
        }
    }
}
