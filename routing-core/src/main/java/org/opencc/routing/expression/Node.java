package org.opencc.routing.expression;

import java.util.List;
import java.util.Map;

/** A parsed boolean (sub)expression. */
sealed interface Node permits Node.AllOf, Node.AnyOf, Node.Comparison {

    boolean test(Map<String, Object> attributes);

    /** {@code AND}/{@code &&}: short-circuits like TaskRouter, left to right. */
    record AllOf(List<Node> parts) implements Node {
        @Override
        public boolean test(Map<String, Object> attributes) {
            for (Node part : parts) {
                if (!part.test(attributes)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** {@code OR}/{@code ||}. */
    record AnyOf(List<Node> parts) implements Node {
        @Override
        public boolean test(Map<String, Object> attributes) {
            for (Node part : parts) {
                if (part.test(attributes)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code left <operator> right}. */
    record Comparison(Operand left, Operator operator, Operand right) implements Node {
        @Override
        public boolean test(Map<String, Object> attributes) {
            return operator.apply(left.resolve(attributes), right.resolve(attributes));
        }
    }
}
