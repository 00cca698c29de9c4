package org.opencc.taskrouter.api;

import jakarta.ws.rs.core.MultivaluedMap;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.opencc.support.ids.Sids;

/** TaskRouter's PascalCase form (or query) parameters, read with Twilio's validation messages. */
public final class Form {
    private final MultivaluedMap<String, String> params;

    public Form(MultivaluedMap<String, String> params) {
        this.params = params;
    }

    public boolean has(String name) {
        return params != null && params.getFirst(name) != null;
    }

    public Optional<String> optional(String name) {
        return params == null ? Optional.empty() : Optional.ofNullable(params.getFirst(name));
    }

    public String required(String name) {
        String value = optional(name).orElse(null);
        if (value == null || value.isBlank()) {
            throw TwilioErrors.missing(name);
        }
        return value;
    }

    public Optional<Integer> integer(String name, int min, int max) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            int value = Integer.parseInt(raw.get().trim());
            if (value < min || value > max) {
                throw TwilioErrors.invalid(name, "must be between " + min + " and " + max);
            }
            return Optional.of(value);
        } catch (NumberFormatException e) {
            throw TwilioErrors.invalid(name, "must be an integer");
        }
    }

    public Optional<Boolean> bool(String name) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        String value = raw.get().trim().toLowerCase(Locale.ROOT);
        if (value.equals("true")) {
            return Optional.of(true);
        }
        if (value.equals("false")) {
            return Optional.of(false);
        }
        throw TwilioErrors.invalid(name, "must be true or false");
    }

    public Optional<String> sid(String name, String prefix) {
        Optional<String> raw = optional(name);
        if (raw.isPresent() && !Sids.isValid(prefix, raw.get())) {
            throw TwilioErrors.invalid(name, "must be a " + prefix + " SID");
        }
        return raw;
    }

    public Optional<String> oneOf(String name, Set<String> allowed) {
        Optional<String> raw = optional(name);
        if (raw.isPresent() && !allowed.contains(raw.get())) {
            throw TwilioErrors.invalid(name, "must be one of " + String.join(", ", allowed));
        }
        return raw;
    }

    /** Twilio's limit on a FriendlyName. */
    public static final int MAX_FRIENDLY_NAME = 64;
    /** Twilio's limit on attributes: 16 KB of JSON text. */
    public static final int MAX_ATTRIBUTES_BYTES = 16 * 1024;

    /** A FriendlyName of at most 64 characters. */
    public Optional<String> friendlyName(String name) {
        Optional<String> raw = optional(name);
        if (raw.isPresent() && (raw.get().isBlank() || raw.get().length() > MAX_FRIENDLY_NAME)) {
            throw TwilioErrors.invalid(name, "must be 1 to " + MAX_FRIENDLY_NAME + " characters");
        }
        return raw;
    }

    /** A required FriendlyName of at most 64 characters. */
    public String requiredFriendlyName(String name) {
        required(name);
        return friendlyName(name).orElseThrow();
    }

    /** Attributes: a JSON object of at most 16 KB. */
    public Optional<String> attributes(String name) {
        Optional<String> raw = optional(name);
        if (raw.isPresent() && raw.get().getBytes(StandardCharsets.UTF_8).length > MAX_ATTRIBUTES_BYTES) {
            throw TwilioErrors.invalid(name, "must be at most 16 KB");
        }
        return jsonObject(name);
    }

    /** Every value of a repeatable parameter; a comma-separated value counts as several. */
    public List<String> all(String name) {
        List<String> values = new ArrayList<>();
        if (params != null && params.get(name) != null) {
            for (String value : params.get(name)) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        values.add(part.trim());
                    }
                }
            }
        }
        return values;
    }

    /** A JSON object text, checked to parse; Twilio's attributes are JSON strings. */
    public Optional<String> jsonObject(String name) {
        Optional<String> raw = optional(name);
        raw.ifPresent(text -> Json.parseObject(name, text));
        return raw;
    }
}
