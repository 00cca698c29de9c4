package org.opencc.gateway.intake;

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
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.opencc.contracts.SpanKeys;
import org.opencc.contracts.Stage;
import org.opencc.contracts.interaction.IntakeRefused;
import org.opencc.gateway.privacy.PiiMask;
import org.opencc.gateway.region.Regions;
import org.opencc.support.problem.ProblemException;
import org.opencc.support.tracing.StageSpans;

/**
 * Twilio's inbound SMS/WhatsApp webhook. Authenticated by Twilio's signature, not a JWT: the request starts the
 * interaction's trace, whose HTTP server span carries {@code cc.stage=intake}. Refusals (a bad signature, an
 * unmapped number, a number of a region not served, a repeat) publish {@code intake.refused} through
 * {@link IntakeService}; a request that is signed but malformed publishes nothing, and neither does a message handed
 * to another region's gateway (answered with a TwiML {@code <Redirect>} to it).
 */
@Path("/twilio/messaging")
public class InboundMessageResource {
    private static final Logger LOG = Logger.getLogger(InboundMessageResource.class);
    private static final String SIGNATURE_HEADER = "X-Twilio-Signature";

    private final TwilioSignatures signatures;
    private final IntakeService intake;

    public InboundMessageResource(TwilioSignatures signatures, IntakeService intake) {
        this.signatures = signatures;
        this.intake = intake;
    }

    /** Every form parameter is read, so the signature check covers all of them. */
    @POST
    @Path("/inbound")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    public String inbound(@HeaderParam(SIGNATURE_HEADER) String signature, MultivaluedMap<String, String> form,
            @Context UriInfo uri) {
        Span span = StageSpans.current(Stage.INTAKE);
        try {
            signatures.verify(uri, form, signature);
        } catch (ProblemException e) {
            StageSpans.failure(span, IntakeRefused.BAD_SIGNATURE);
            refuseForged(span, form, IntakeRefused.BAD_SIGNATURE);
            throw e;
        }
        InboundMessage message;
        try {
            message = InboundMessage.parse(form);
        } catch (ProblemException e) {
            StageSpans.failure(span, e.type().slug());
            LOG.infof("inbound message rejected: %s", e.type().slug());
            throw e;
        }
        IntakeService.Outcome outcome = intake.accept(message);
        if (outcome.handOff() != null) {
            // not ours: Twilio posts the message to the number's region, which stores and routes it
            span.setAttribute(Regions.SPAN_HANDED_TO, outcome.handOff().region());
            LOG.infof("message %s to %s (region %s) handed to %s; nothing stored", message.messageSid(),
                    PiiMask.phone(message.toNumber()), outcome.handOff().region(), outcome.handOff().url());
            return TwimlAnswers.redirect(outcome.handOff().url());
        }
        if (outcome.refused()) {
            // a refusal is an answer, not an error: the attribute names why nothing was routed
            span.setAttribute(SpanKeys.FAILURE, outcome.refusal());
            if (outcome.repeated()) {
                span.setAttribute(SpanKeys.DUPLICATE, true);
                LOG.infof("message %s to %s repeated; refused as a duplicate (%s)", message.messageSid(),
                        PiiMask.phone(message.toNumber()), outcome.refusal());
            } else {
                LOG.infof("message %s to %s refused: %s", message.messageSid(), PiiMask.phone(message.toNumber()),
                        outcome.refusal());
            }
            return TwimlAnswers.refused();
        }
        StageSpans.id(span, SpanKeys.INTERACTION_ID, outcome.interactionId());
        if (outcome.created()) {
            LOG.infof("interaction %s (%s) created for message %s from %s to %s", outcome.interactionId(),
                    message.channel().value(), message.messageSid(), PiiMask.phone(message.from()),
                    PiiMask.phone(message.toNumber()));
        } else if (outcome.joined()) {
            LOG.infof("message %s joined the open conversation of interaction %s", message.messageSid(),
                    outcome.interactionId());
        } else {
            span.setAttribute(SpanKeys.DUPLICATE, true);
            LOG.infof("message %s repeated; refused as a duplicate, interaction %s unchanged", message.messageSid(),
                    outcome.interactionId());
        }
        return TwimlAnswers.accepted();
    }

    /**
     * Records a request whose signature did not verify when it claims one well-formed {@code MessageSid}; nothing
     * else of it is trusted. The answer stays the 403 whatever happens here, so a failure to record is logged only.
     */
    private void refuseForged(Span span, MultivaluedMap<String, String> form, String failure) {
        Optional<String> messageSid = claimedMessageSid(form);
        if (messageSid.isEmpty()) {
            LOG.infof("inbound message rejected: %s", failure);
            return;
        }
        try {
            IntakeService.Forgery forgery = intake.refuseForged(messageSid.get());
            StageSpans.id(span, SpanKeys.INTERACTION_ID, forgery.interactionId());
            if (!forgery.first()) {
                span.setAttribute(SpanKeys.DUPLICATE, true);
            }
            String of = forgery.interactionId() == null ? "" : " of interaction " + forgery.interactionId();
            LOG.infof("inbound message rejected: %s; claims message %s%s%s", failure, messageSid.get(), of,
                    forgery.first() ? "" : ", claimed before");
        } catch (RuntimeException e) {
            LOG.warnf(e, "inbound message rejected: %s; claims message %s, not recorded", failure,
                    messageSid.get());
        }
    }

    private static Optional<String> claimedMessageSid(MultivaluedMap<String, String> form) {
        List<String> values = form.get("MessageSid");
        if (values == null || values.size() != 1 || !InboundMessage.isMessageSid(values.get(0))) {
            return Optional.empty();
        }
        return Optional.of(values.get(0));
    }
}
