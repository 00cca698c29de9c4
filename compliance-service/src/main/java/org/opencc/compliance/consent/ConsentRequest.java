package org.opencc.compliance.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.opencc.support.ids.Sids;
import org.opencc.support.problem.FieldError;
import org.opencc.support.problem.ProblemException;
import org.opencc.support.problem.ProblemType;

/**
 * Body of {@code POST /v1/consents}, read member by member (not bound by Jackson), so that a member of the wrong
 * type, a missing one and an unknown one each answer {@code validation-failed} naming it, all at once, before
 * anything is written. Unknown members are refused: a misspelt member must not be signed away silently, and a
 * member this service does not expect may carry personal data.
 *
 * @param interactionId {@code IN} + 32 lower-case hex
 * @param customerKey the pseudonymous key, {@code ck_…}
 * @param scope one of {@link #SCOPES}
 * @param method one of {@link #METHODS}
 */
public record ConsentRequest(String interactionId, String customerKey, String scope, String method) {
    public static final String INTERACTION_ID = "interaction_id";
    public static final String CUSTOMER_KEY = "customer_key";
    public static final String SCOPE = "scope";
    public static final String METHOD = "method";
    public static final String GRANTED = "granted";

    /**
     * What a consent may be for: {@code recording} (keeping a copy of the conversation; the one scope recording
     * decisions read) and {@code transcription} (a transcript of it).
     */
    public static final List<String> SCOPES = List.of("recording", "transcription");
    /** The scope recording decisions read. */
    public static final String RECORDING = "recording";
    /**
     * How consent was given: {@code keypress} (IVR), {@code verbal} (the customer said so and the agent flagged it),
     * {@code web-form}.
     */
    public static final List<String> METHODS = List.of("keypress", "verbal", "web-form");

    private static final Set<String> MEMBERS = Set.of(INTERACTION_ID, CUSTOMER_KEY, SCOPE, METHOD, GRANTED);
    private static final int MAX_ECHOED_NAME = 64;

    /**
     * @throws ProblemException {@code malformed-body} when the body is not a JSON object; {@code validation-failed}
     *     naming every member that is missing, of the wrong type, malformed or unknown
     */
    public static ConsentRequest parse(JsonNode body) {
        if (body != null && !body.isNull() && !body.isObject()) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "the body must be a JSON object");
        }
        JsonNode given = body == null ? NullNode.getInstance() : body;
        List<FieldError> errors = new ArrayList<>();
        String interactionId = text(given, INTERACTION_ID, errors);
        if (interactionId != null && !Sids.isValid("IN", interactionId)) {
            errors.add(new FieldError(INTERACTION_ID, "must be IN followed by 32 lower-case hex digits"));
        }
        String customerKey = text(given, CUSTOMER_KEY, errors);
        if (customerKey != null) {
            CustomerKeys.problem(customerKey).ifPresent(m -> errors.add(new FieldError(CUSTOMER_KEY, m)));
        }
        String scope = oneOf(given, SCOPE, SCOPES, errors);
        String method = oneOf(given, METHOD, METHODS, errors);
        JsonNode granted = given.get(GRANTED);
        if (granted == null || granted.isNull()) {
            errors.add(new FieldError(GRANTED, "missing"));
        } else if (!granted.isBoolean() || !granted.booleanValue()) {
            errors.add(new FieldError(GRANTED, "must be true: a consent record records consent given; to withdraw"
                    + " one, revoke it (POST /v1/consents/{id}/revocation)"));
        }
        unknownMembers(given, MEMBERS, errors);
        fail(errors);
        return new ConsentRequest(interactionId, customerKey, scope, method);
    }

    /**
     * The optional body of {@code POST /v1/consents/{id}/revocation}: nothing, or {@code {"method": …}} saying how
     * the customer withdrew consent.
     *
     * @return the method, or null when the body does not give one
     */
    public static String parseRevocationMethod(JsonNode body) {
        if (body == null || body.isNull()) {
            return null;
        }
        if (!body.isObject()) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "the body must be a JSON object, or empty");
        }
        List<FieldError> errors = new ArrayList<>();
        String method = body.hasNonNull(METHOD) ? oneOf(body, METHOD, METHODS, errors) : null;
        unknownMembers(body, Set.of(METHOD), errors);
        fail(errors);
        return method;
    }

    private static String text(JsonNode body, String name, List<FieldError> errors) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            errors.add(new FieldError(name, "missing"));
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(name, "must be a string"));
            return null;
        }
        return value.textValue();
    }

    private static String oneOf(JsonNode body, String name, List<String> allowed, List<FieldError> errors) {
        String value = text(body, name, errors);
        if (value != null && !allowed.contains(value)) {
            errors.add(new FieldError(name, "must be one of " + String.join(", ", allowed)));
            return null;
        }
        return value;
    }

    private static void unknownMembers(JsonNode body, Set<String> known, List<FieldError> errors) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                // the name is echoed so the caller can find it; cut short, it is caller input, and never a number
                String shown = CustomerKeys.looksLikePhoneNumber(name) ? "(a name that looks like a phone number)"
                        : name.length() > MAX_ECHOED_NAME ? name.substring(0, MAX_ECHOED_NAME) + "…" : name;
                errors.add(new FieldError(shown, "unknown member"));
            }
        }
    }

    private static void fail(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            String detail = String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
            throw new ProblemException(ProblemType.VALIDATION, detail, errors);
        }
    }
}
