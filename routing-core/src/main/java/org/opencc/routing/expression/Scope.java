package org.opencc.routing.expression;

import java.util.List;
import java.util.Map;

/** What one evaluation sees: the attributes document and the evaluation context. */
final class Scope {

    private final Map<String, Object> attributes;
    private final EvaluationContext context;
    /** Most keys any variable name has, so long paths cost no more than that many prefix lookups. */
    private final int longestName;

    Scope(Map<String, Object> attributes, EvaluationContext context) {
        this.attributes = attributes;
        this.context = context;
        int longest = context.now() == null ? 0 : 2;
        for (String name : context.variables().keySet()) {
            int keys = 1;
            for (int i = 0; i < name.length(); i++) {
                if (name.charAt(i) == '.') {
                    keys++;
                }
            }
            longest = Math.max(longest, keys);
        }
        this.longestName = longest;
    }

    /** Resolves a path: context variables first (longest dotted prefix), then the attributes. */
    Object resolve(List<Object> segments) {
        if (longestName > 0) {
            int keys = 0;
            while (keys < segments.size() && keys < longestName && segments.get(keys) instanceof String) {
                keys++;
            }
            for (int i = keys; i >= 1; i--) {
                String name = i == 1 ? (String) segments.get(0) : join(segments, i);
                if (context.defines(name)) {
                    return walk(context.value(name), segments, i);
                }
            }
        }
        return walk(attributes, segments, 0);
    }

    /**
     * Walks keys into maps and indexes into lists from {@code from} on; anything missing or of the wrong
     * shape along the way resolves to null, as TaskRouter does.
     */
    static Object walk(Object start, List<Object> segments, int from) {
        Object current = start;
        for (int i = from; i < segments.size(); i++) {
            Object segment = segments.get(i);
            if (segment instanceof String key) {
                if (!(current instanceof Map<?, ?> map)) {
                    return null;
                }
                current = map.get(key);
            } else {
                int index = (Integer) segment;
                if (!(current instanceof List<?> list) || index >= list.size()) {
                    return null;
                }
                current = list.get(index);
            }
        }
        return current;
    }

    private static String join(List<Object> segments, int count) {
        StringBuilder name = new StringBuilder((String) segments.get(0));
        for (int i = 1; i < count; i++) {
            name.append('.').append((String) segments.get(i));
        }
        return name.toString();
    }
}
