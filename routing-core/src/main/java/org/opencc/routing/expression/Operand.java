package org.opencc.routing.expression;

import java.util.List;

/** One side of a comparison: a literal value or an attribute path looked up at evaluation time. */
sealed interface Operand permits Operand.Literal, Operand.AttributePath {

    Object resolve(Scope scope);

    /** A constant: String, BigDecimal, Boolean, null, or a List of those. */
    record Literal(Object value) implements Operand {
        @Override
        public Object resolve(Scope scope) {
            return value;
        }
    }

    /**
     * {@code a.b[1].c}: String segments are keys, Integer segments array indexes. Context variables are
     * consulted before the attributes; anything missing resolves to null.
     */
    record AttributePath(List<Object> segments) implements Operand {
        @Override
        public Object resolve(Scope scope) {
            return scope.resolve(segments);
        }
    }
}
