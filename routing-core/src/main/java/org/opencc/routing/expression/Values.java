package org.opencc.routing.expression;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Value semantics shared by the operators. Attribute values arrive in whatever numeric type the JSON
 * reader chose, so every number is compared as a BigDecimal; values of different kinds never match.
 */
final class Values {

    private Values() {
    }

    static boolean equal(Object left, Object right) {
        if (left == null || right == null) {
            return left == right;
        }
        if (left instanceof Number a && right instanceof Number b) {
            BigDecimal x = decimal(a);
            BigDecimal y = decimal(b);
            return x != null && y != null && x.compareTo(y) == 0;
        }
        if (left instanceof List<?> a && right instanceof List<?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if ((left instanceof String && right instanceof String)
                || (left instanceof Boolean && right instanceof Boolean)
                || (left instanceof Map<?, ?> && right instanceof Map<?, ?>)) {
            return left.equals(right);
        }
        return false;
    }

    /** Sign of the comparison, or null when the values have no common order (which makes it false). */
    static Integer order(Object left, Object right) {
        if (left instanceof Number a && right instanceof Number b) {
            BigDecimal x = decimal(a);
            BigDecimal y = decimal(b);
            return x == null || y == null ? null : Integer.signum(x.compareTo(y));
        }
        if (left instanceof String a && right instanceof String b) {
            return Integer.signum(a.compareTo(b));
        }
        return null;
    }

    static boolean listContains(List<?> list, Object value) {
        for (Object element : list) {
            if (equal(element, value)) {
                return true;
            }
        }
        return false;
    }

    /** Null for NaN, infinities and exotic Number types that have no decimal form. */
    private static BigDecimal decimal(Number number) {
        if (number instanceof BigDecimal d) {
            return d;
        }
        if (number instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            return BigDecimal.valueOf(number.longValue());
        }
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            return Double.isFinite(d) ? new BigDecimal(number.toString()) : null;
        }
        try {
            return new BigDecimal(number.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
