package org.opencc.routing.expression;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Value semantics shared by the operators. Attribute values arrive in whatever numeric type the JSON
 * reader chose, so every number is compared as a BigDecimal; values of different kinds never match.
 *
 * <p>Twilio: "Using scalar operators on Arrays results in false", so the scalar operators see arrays (and
 * objects) as having no value to compare, except that {@code == null}/{@code != null} still test presence.
 */
final class Values {

    private Values() {
    }

    /** A string, number or boolean; null, arrays and objects are not scalars. */
    static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    /**
     * {@code ==}: null equals only null (whatever the other side's type); otherwise both sides must be
     * scalars of the same kind with the same value.
     */
    static boolean scalarEqual(Object left, Object right) {
        if (left == null || right == null) {
            return left == right;
        }
        return isScalar(left) && isScalar(right) && same(left, right);
    }

    /** {@code !=}: exactly one side null, or two scalars that differ; false when an array or object is involved. */
    static boolean scalarNotEqual(Object left, Object right) {
        if (left == null || right == null) {
            return left != right;
        }
        return isScalar(left) && isScalar(right) && !same(left, right);
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

    /** Array membership; elements compare like {@link #same}, so nulls and nested arrays can be members. */
    static boolean listContains(List<?> list, Object value) {
        for (Object element : list) {
            if (same(element, value)) {
                return true;
            }
        }
        return false;
    }

    /** Deep equality by kind: numbers by value, arrays elementwise, objects by entries; kinds never mix. */
    static boolean same(Object left, Object right) {
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
                if (!same(a.get(i), b.get(i))) {
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
