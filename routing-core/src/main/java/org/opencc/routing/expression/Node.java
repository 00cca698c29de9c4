package org.opencc.routing.expression;

import java.util.List;

/** A parsed boolean (sub)expression. */
sealed interface Node permits Node.AllOf, Node.AnyOf, Node.Not, Node.Comparison {

    boolean test(Scope scope);

    /** {@code AND}/{@code &&}: short-circuits like TaskRouter, left to right. */
    record AllOf(List<Node> parts) implements Node {
        @Override
        public boolean test(Scope scope) {
            for (Node part : parts) {
                if (!part.test(scope)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** {@code OR}/{@code ||}. */
    record AnyOf(List<Node> parts) implements Node {
        @Override
        public boolean test(Scope scope) {
            for (Node part : parts) {
                if (part.test(scope)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code NOT}/{@code !} (our extension): plain boolean negation of the sub-expression's result. */
    record Not(Node operand) implements Node {
        @Override
        public boolean test(Scope scope) {
            return !operand.test(scope);
        }
    }

    /** {@code left <operator> right}. */
    record Comparison(Operand left, Operator operator, Operand right) implements Node {
        @Override
        public boolean test(Scope scope) {
            return operator.apply(left.resolve(scope), right.resolve(scope));
        }
    }
}
