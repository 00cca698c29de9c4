package org.opencc.compliance.retention;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.opencc.compliance.consent.CustomerKeys;
import org.opencc.support.ids.Sids;
import org.opencc.support.problem.FieldError;
import org.opencc.support.problem.ProblemException;
import org.opencc.support.problem.ProblemType;

/**
 * Body of {@code POST /v1/legal-holds}, read member by member like a consent capture: exactly one of
 * {@code customer_key} and {@code interaction_id}, and a {@code reason}. Every problem is named at once
 * ({@code validation-failed}); unknown members are refused (one may carry personal data). A phone number is not
 * accepted: hold the customer by the pseudonymous key (the erasure endpoint turns numbers into keys).
 *
 * @param customerKey {@code ck_…}, or null
 * @param interactionId {@code IN} + 32 lower-case hex, or null
 * @param reason 1..{@value #MAX_REASON} characters, not blank
 */
public record LegalHoldRequest(String customerKey, String interactionId, String reason) {
    public static final String CUSTOMER_KEY = "customer_key";
    public static final String INTERACTION_ID = "interaction_id";
    public static final String REASON = "reason";
    /** The longest reason accepted, in characters. */
    public static final int MAX_REASON = 500;

    private static final Set<String> MEMBERS = Set.of(CUSTOMER_KEY, INTERACTION_ID, REASON);
    private static final int MAX_ECHOED_NAME = 64;

    /**
     * @throws ProblemException {@code malformed-body} when the body is not a JSON object; {@code validation-failed}
     *     naming every member that is missing, of the wrong type, malformed or unknown
     */
    public static LegalHoldRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "the body must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        String customerKey = optionalText(body, CUSTOMER_KEY, errors);
        if (customerKey != null) {
            CustomerKeys.problem(customerKey).ifPresent(m -> errors.add(new FieldError(CUSTOMER_KEY, m)));
        }
        String interactionId = optionalText(body, INTERACTION_ID, errors);
        if (interactionId != null && !Sids.isValid("IN", interactionId)) {
            errors.add(new FieldError(INTERACTION_ID, "must be IN followed by 32 lower-case hex digits"));
        }
        boolean namesCustomer = body.hasNonNull(CUSTOMER_KEY);
        boolean namesInteraction = body.hasNonNull(INTERACTION_ID);
        if (!namesCustomer && !namesInteraction) {
            errors.add(new FieldError(CUSTOMER_KEY, "missing: name the customer (customer_key) or the interaction"
                    + " (interaction_id) to hold"));
        } else if (namesCustomer && namesInteraction) {
            errors.add(new FieldError(INTERACTION_ID, "a hold names customer_key or interaction_id, not both:"
                    + " place two holds"));
        }
        String reason = reason(body.get(REASON), errors);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                // echoed so the caller can find it; cut short, and never a number
                String shown = CustomerKeys.looksLikePhoneNumber(name) ? "(a name that looks like a phone number)"
                        : name.length() > MAX_ECHOED_NAME ? name.substring(0, MAX_ECHOED_NAME) + "…" : name;
                errors.add(new FieldError(shown, "unknown member"));
            }
        }
        if (!errors.isEmpty()) {
            String detail = String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
            throw new ProblemException(ProblemType.VALIDATION, detail, errors);
        }
        return new LegalHoldRequest(customerKey, interactionId, reason);
    }

    private static String optionalText(JsonNode body, String name, List<FieldError> errors) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(name, "must be a string"));
            return null;
        }
        return value.textValue();
    }

    private static String reason(JsonNode value, List<FieldError> errors) {
        if (value == null || value.isNull()) {
            errors.add(new FieldError(REASON, "missing: say why the data must be kept (a matter, a ticket)"));
        } else if (!value.isTextual()) {
            errors.add(new FieldError(REASON, "must be a string"));
        } else if (value.textValue().isBlank()) {
            errors.add(new FieldError(REASON, "must not be blank"));
        } else if (value.textValue().codePointCount(0, value.textValue().length()) > MAX_REASON) {
            errors.add(new FieldError(REASON, "at most " + MAX_REASON + " characters"));
        } else {
            return value.textValue().strip();
        }
        return null;
    }
}
