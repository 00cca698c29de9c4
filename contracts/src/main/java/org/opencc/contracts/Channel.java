package org.opencc.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The medium an interaction arrived on. Serialized lower-case; also the TaskRouter task channel name. */
public enum Channel {
    VOICE,
    SMS,
    WHATSAPP,
    CHAT;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Channel fromValue(String value) {
        return Channel.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
