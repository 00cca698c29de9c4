package org.opencc.compliance.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON document with the line and column of every value by JSON pointer (RFC 6901), so validation can say
 * where a problem is. Jackson's tree keeps no locations, hence this small reader over its streaming parser.
 */
final class LocatedJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonNode root;
    private final Map<String, JsonLocation> locations;

    private LocatedJson(JsonNode root, Map<String, JsonLocation> locations) {
        this.root = root;
        this.locations = locations;
    }

    JsonNode root() {
        return root;
    }

    /** {@code (line L, column C)} of the value at the pointer, or of its nearest ancestor that exists. */
    String where(String pointer) {
        String at = pointer;
        while (!locations.containsKey(at) && !at.isEmpty()) {
            at = at.substring(0, at.lastIndexOf('/'));
        }
        JsonLocation location = locations.get(at);
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /**
     * @throws MalformedJson with the line and column of a syntax error or a repeated member
     */
    static LocatedJson parse(String text) {
        Map<String, JsonLocation> locations = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new MalformedJson("the file is empty", 1, 1);
            }
            JsonNode root = read(parser, first, "", locations);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new MalformedJson("content after the document", at.getLineNr(), at.getColumnNr());
            }
            return new LocatedJson(root, locations);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new MalformedJson(e.getOriginalMessage(), at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr());
        } catch (IOException e) {
            throw new MalformedJson(e.getMessage(), 0, 0);
        }
    }

    private static JsonNode read(JsonParser parser, JsonToken token, String pointer,
            Map<String, JsonLocation> locations) throws IOException {
        JsonLocation location = parser.currentTokenLocation();
        locations.put(pointer, location);
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = nodes.objectNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    String member = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                    if (object.has(name)) {
                        JsonLocation at = parser.currentTokenLocation();
                        throw new MalformedJson(member + ": member repeated", at.getLineNr(), at.getColumnNr());
                    }
                    object.set(name, read(parser, parser.nextToken(), member, locations));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = nodes.arrayNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(read(parser, t, pointer + "/" + array.size(), locations));
                }
                return array;
            }
            case VALUE_STRING:
                return nodes.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return nodes.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return nodes.numberNode(parser.getDecimalValue());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return nodes.booleanNode(token == JsonToken.VALUE_TRUE);
            case VALUE_NULL:
                return nodes.nullNode();
            default:
                throw new MalformedJson("unexpected " + token, location.getLineNr(), location.getColumnNr());
        }
    }

    /** The text is not one well-formed JSON document. */
    static final class MalformedJson extends RuntimeException {
        MalformedJson(String reason, int line, int column) {
            super("not valid JSON (line " + line + ", column " + column + "): " + reason);
        }
    }
}
