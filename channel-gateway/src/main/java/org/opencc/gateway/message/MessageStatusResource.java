package org.opencc.gateway.message;

import io.opentelemetry.api.trace.Span;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.opencc.contracts.Stage;
import org.opencc.gateway.intake.TwilioSignatures;
import org.opencc.gateway.problem.ProblemTypes;
import org.opencc.support.problem.FieldError;
import org.opencc.support.problem.ProblemException;
import org.opencc.support.tracing.StageSpans;

/**
 * Twilio's status callback for the messages agents send ({@code StatusCallback} of each reply), signed like every
 * webhook. Answers 200 whenever the request is genuine, even for a message we do not know: Twilio would otherwise
 * retry it for nothing.
 */
@Path("/twilio/messaging/status")
public class MessageStatusResource {
    private static final Logger LOG = Logger.getLogger(MessageStatusResource.class);
    private static final Pattern MESSAGE_SID = Pattern.compile("(SM|MM)[0-9a-f]{32}");
    /** An empty TwiML document: Twilio ignores the body of a status callback's answer. */
    private static final String EMPTY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private final TwilioSignatures signatures;
    private final MessageStatusService statuses;

    public MessageStatusResource(TwilioSignatures signatures, MessageStatusService statuses) {
        this.signatures = signatures;
        this.statuses = statuses;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    public String status(@HeaderParam("X-Twilio-Signature") String signature, MultivaluedMap<String, String> form,
            @Context UriInfo uri) {
        Span span = StageSpans.current(Stage.INTAKE);
        String messageSid = form.getFirst("MessageSid");
        String status = form.getFirst("MessageStatus");
        try {
            signatures.verify(uri, form, signature);
            validate(messageSid, status);
        } catch (ProblemException e) {
            StageSpans.failure(span, e.type().slug());
            LOG.infof("message status callback rejected: %s", e.type().slug());
            throw e;
        }
        MessageStatusService.Result result = statuses.apply(messageSid, status, errorCode(form.getFirst("ErrorCode")));
        switch (result) {
            case UNKNOWN_MESSAGE -> LOG.infof("status %s for unknown message %s ignored", status, messageSid);
            case UNTRACKED_STATUS -> LOG.infof("untracked status %s for message %s ignored", status, messageSid);
            case STALE -> LOG.debugf("status %s for message %s is older than the stored one", status, messageSid);
            default -> LOG.debugf("message %s is now %s", messageSid, status);
        }
        return EMPTY;
    }

    private static void validate(String messageSid, String status) {
        List<FieldError> errors = new ArrayList<>();
        if (messageSid == null || !MESSAGE_SID.matcher(messageSid).matches()) {
            errors.add(new FieldError("MessageSid", "must be SM or MM followed by 32 lower-case hex digits"));
        }
        if (status == null || status.isBlank()) {
            errors.add(new FieldError("MessageStatus", "is required"));
        }
        if (!errors.isEmpty()) {
            throw ProblemTypes.invalid(errors);
        }
    }

    // Twilio's ErrorCode is numeric; anything else is kept out rather than refused
    private static Integer errorCode(String value) {
        if (value == null || !value.matches("\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(value);
    }
}
