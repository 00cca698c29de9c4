package org.opencc.routing.expression;

import java.util.List;

/**
 * Comparison operators. A null operand (a missing attribute resolves to null) makes every operator false
 * except {@code !=}, and {@code == null}, which TaskRouter authors use to test for absence.
 */
enum Operator {
    EQ {
        @Override
        boolean apply(Object left, Object right) {
            return Values.equal(left, right);
        }
    },
    NE {
        @Override
        boolean apply(Object left, Object right) {
            return !Values.equal(left, right);
        }
    },
    GT {
        @Override
        boolean apply(Object left, Object right) {
            Integer order = Values.order(left, right);
            return order != null && order > 0;
        }
    },
    GE {
        @Override
        boolean apply(Object left, Object right) {
            Integer order = Values.order(left, right);
            return order != null && order >= 0;
        }
    },
    LT {
        @Override
        boolean apply(Object left, Object right) {
            Integer order = Values.order(left, right);
            return order != null && order < 0;
        }
    },
    LE {
        @Override
        boolean apply(Object left, Object right) {
            Integer order = Values.order(left, right);
            return order != null && order <= 0;
        }
    },
    IN {
        @Override
        boolean apply(Object left, Object right) {
            return left != null && right instanceof List<?> list && Values.listContains(list, left);
        }
    },
    NOT_IN {
        @Override
        boolean apply(Object left, Object right) {
            return left != null && right instanceof List<?> list && !Values.listContains(list, left);
        }
    },
    HAS {
        @Override
        boolean apply(Object left, Object right) {
            return right != null && left instanceof List<?> list && Values.listContains(list, right);
        }
    },
    CONTAINS {
        @Override
        boolean apply(Object left, Object right) {
            if (left instanceof String string) {
                return right instanceof String part && string.contains(part);
            }
            return right != null && left instanceof List<?> list && Values.listContains(list, right);
        }
    };

    abstract boolean apply(Object left, Object right);
}
