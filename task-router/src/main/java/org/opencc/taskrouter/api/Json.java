package org.opencc.taskrouter.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Attribute JSON as TaskRouter stores it: text on the wire, a map for expressions. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private Json() {}

    /** Parses a JSON object; a 400 naming {@code parameter} when it is not one. */
    public static Map<String, Object> parseObject(String parameter, String text) {
        try {
            Object value = MAPPER.readValue(text, Object.class);
            if (!(value instanceof Map)) {
                throw TwilioErrors.invalid(parameter, "must be a JSON object");
            }
            return MAPPER.convertValue(value, MAP);
        } catch (JsonProcessingException e) {
            throw TwilioErrors.invalid(parameter, "must be valid JSON");
        }
    }

    /** Parses stored attributes, which were validated on the way in. */
    public static Map<String, Object> attributes(String text) {
        try {
            return MAPPER.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored attributes are not JSON", e);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
