package org.opencc.gateway.intake;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.opencc.contracts.Channel;
import org.opencc.gateway.phone.E164;
import org.opencc.gateway.problem.ProblemTypes;
import org.opencc.support.problem.FieldError;

/**
 * The parameters of Twilio's inbound message webhook that the gateway uses, validated.
 *
 * @param messageSid Twilio's id of the message ({@code SM}/{@code MM} + 32 hex)
 * @param from the customer's address, E.164 with an optional {@code whatsapp:} prefix
 * @param to our number the customer wrote to, same form
 * @param body the text, possibly empty
 * @param fromCountry Twilio's country of the sender, when it sent one
 */
public record InboundMessage(String messageSid, String from, String to, String body, String fromCountry) {
    private static final Pattern MESSAGE_SID = Pattern.compile("(SM|MM)[0-9a-f]{32}");
    /** Twilio's limit on a message body, in characters. */
    static final int MAX_BODY = 1600;

    /** Reads and validates the form; every invalid field is named in one 400 problem. */
    public static InboundMessage parse(MultivaluedMap<String, String> form) {
        String messageSid = form.getFirst("MessageSid");
        String from = form.getFirst("From");
        String to = form.getFirst("To");
        String body = form.getFirst("Body");
        List<FieldError> errors = new ArrayList<>();
        if (messageSid == null || messageSid.isEmpty()) {
            errors.add(new FieldError("MessageSid", "is required"));
        } else if (!MESSAGE_SID.matcher(messageSid).matches()) {
            errors.add(new FieldError("MessageSid", "must be SM or MM followed by 32 lower-case hex digits"));
        }
        address("From", from, errors);
        address("To", to, errors);
        if (body != null && body.codePointCount(0, body.length()) > MAX_BODY) {
            errors.add(new FieldError("Body", "must be at most " + MAX_BODY + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemTypes.invalid(errors);
        }
        return new InboundMessage(messageSid, from, to, body, form.getFirst("FromCountry"));
    }

    // the message names the expected shape, never the value: it may be a phone number
    private static void address(String field, String value, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            errors.add(new FieldError(field, "is required"));
        } else if (!E164.isAddress(value)) {
            errors.add(new FieldError(field, "must be an E.164 number such as +15550100, optionally prefixed"
                    + " with whatsapp:"));
        }
    }

    /** Whether {@code value} has the shape of Twilio's message sid ({@code SM}/{@code MM} + 32 lower-case hex). */
    public static boolean isMessageSid(String value) {
        return value != null && MESSAGE_SID.matcher(value).matches();
    }

    /** WhatsApp when Twilio prefixed the sender with {@code whatsapp:}, else SMS. */
    public Channel channel() {
        return from.startsWith(E164.WHATSAPP_PREFIX) ? Channel.WHATSAPP : Channel.SMS;
    }

    /** The customer's number without a channel prefix. */
    public String fromNumber() {
        return E164.withoutPrefix(from);
    }

    /** Our number without a channel prefix: the key of the number mapping. */
    public String toNumber() {
        return E164.withoutPrefix(to);
    }

    /** The customer's country: Twilio's {@code FromCountry}, else from the calling code, else null. */
    public String country() {
        return E164.country(fromNumber(), fromCountry);
    }
}
