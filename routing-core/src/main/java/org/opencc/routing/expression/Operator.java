package org.opencc.routing.expression;

import java.util.List;

/**
 * Comparison operators. A null operand (a missing attribute resolves to null) makes every operator false
 * except {@code !=}, and {@code == null}, which TaskRouter authors use to test for absence. As Twilio
 * documents, scalar operators on arrays and array operators on two scalars are false.
 */
enum Operator {
    EQ {
        @Override
        boolean apply(Object left, Object right) {
            return Values.scalarEqual(left, right);
        }
    },
    NE {
        @Override
        boolean apply(Object left, Object right) {
            return Values.scalarNotEqual(left, right);
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
            // Ours: Twilio documents CONTAINS for strings only; on an array on the left it acts as HAS.
            return right != null && left instanceof List<?> list && Values.listContains(list, right);
        }
    };

    abstract boolean apply(Object left, Object right);
}
