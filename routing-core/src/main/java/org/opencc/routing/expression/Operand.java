package org.opencc.routing.expression;

import java.util.List;
import java.util.Map;

/** One side of a comparison: a literal value or an attribute path looked up at evaluation time. */
sealed interface Operand permits Operand.Literal, Operand.AttributePath {

    Object resolve(Map<String, Object> attributes);

    /** A constant: String, BigDecimal, Boolean, null, or a List of those. */
    record Literal(Object value) implements Operand {
        @Override
        public Object resolve(Map<String, Object> attributes) {
            return value;
        }
    }

    /** {@code a.b.c}: walks nested maps; anything missing along the way resolves to null. */
    record AttributePath(List<String> segments) implements Operand {
        @Override
        public Object resolve(Map<String, Object> attributes) {
            Object current = attributes;
            for (String segment : segments) {
                if (!(current instanceof Map<?, ?> map)) {
                    return null;
                }
                current = map.get(segment);
            }
            return current;
        }
    }
}
