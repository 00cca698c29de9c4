package org.opencc.compliance.consent;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a customer key given to this service must look like: the pseudonymous {@code ck_…} key channel-gateway derives
 * (agent-context accepts the same shape). A phone number is refused with its own message, so a caller who sends
 * one learns why; the value itself is never echoed.
 */
public final class CustomerKeys {
    private static final Pattern KEY = Pattern.compile("ck_[A-Za-z0-9_-]{1,64}");
    // 7 to 15 digits once the usual separators and prefixes are gone: E.164 holds at most 15
    private static final Pattern PHONE_LIKE = Pattern.compile("\\d{7,15}");

    public static final String PHONE_MESSAGE = "looks like a phone number: send the pseudonymous customer key (ck_…),"
            + " never the number";
    public static final String SHAPE_MESSAGE = "must be ck_ followed by 1 to 64 letters, digits, _ or -";

    private CustomerKeys() {}

    /** Why the value is not a customer key, empty when it is one. */
    public static Optional<String> problem(String value) {
        if (looksLikePhoneNumber(value)) {
            return Optional.of(PHONE_MESSAGE);
        }
        return KEY.matcher(value).matches() ? Optional.empty() : Optional.of(SHAPE_MESSAGE);
    }

    /**
     * A number with or without {@code +}, {@code tel:}, spaces, dashes, dots or parentheses, also behind {@code ck_}
     * (the gateway's keys are 32 hex digits, never 7 to 15 digits alone).
     */
    public static boolean looksLikePhoneNumber(String value) {
        String bare = value.trim();
        if (bare.startsWith("ck_")) {
            bare = bare.substring(3);
        }
        if (bare.regionMatches(true, 0, "tel:", 0, 4)) {
            bare = bare.substring(4);
        }
        return PHONE_LIKE.matcher(bare.replaceAll("[\\s+().\\-/]", "")).matches();
    }
}
