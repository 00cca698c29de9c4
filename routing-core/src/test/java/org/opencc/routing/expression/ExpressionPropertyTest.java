package org.opencc.routing.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property-based tests: seeded random inputs checked against an independent model of the documented
 * semantics. A failure message quotes the expression and attributes so it can be turned into a unit test.
 */
class ExpressionPropertyTest {

    private static final int RUNS = 2_000;
    private static final String[] KEYS = {"a", "b", "c", "level", "lang"};
    private static final String[] WORDS = {"es", "en", "gold", "", "it's", "a\"b", "back\\slash", "ñ", "x y"};

    // ---- generators ---------------------------------------------------------------------------------

    /** A random scalar as Jackson would produce it: String, Integer, Long, Double, Boolean (or null). */
    private static Object scalar(Random random, boolean allowNull) {
        switch (random.nextInt(allowNull ? 6 : 5)) {
            case 0: return WORDS[random.nextInt(WORDS.length)];
            case 1: return random.nextInt(7) - 3;
            case 2: return (long) (random.nextInt(7) - 3);
            case 3: return (random.nextInt(13) - 6) / 2.0;
            case 4: return random.nextBoolean();
            default: return null;
        }
    }

    private static Map<String, Object> attributes(Random random) {
        Map<String, Object> attributes = new HashMap<>();
        for (String key : KEYS) {
            int pick = random.nextInt(6);
            if (pick == 0) {
                continue; // missing key
            }
            if (pick == 1) {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(scalar(random, false));
                }
                attributes.put(key, list);
            } else {
                attributes.put(key, scalar(random, true));
            }
        }
        return attributes;
    }

    /** Source text for a scalar literal, with a random quote style and keyword case. */
    private static String literal(Object value, Random random) {
        if (value == null) {
            return random.nextBoolean() ? "null" : "NULL";
        }
        if (value instanceof Boolean b) {
            String text = b.toString();
            return random.nextBoolean() ? text : text.toUpperCase(Locale.ROOT);
        }
        if (value instanceof Number n) {
            BigDecimal decimal = new BigDecimal(n.toString());
            // Trailing zeros must not change the value: 5 == 5.00.
            return random.nextBoolean() || decimal.scale() > 2 ? decimal.toPlainString()
                    : decimal.setScale(2).toPlainString();
        }
        String s = (String) value;
        char quote = random.nextBoolean() ? '\'' : '"';
        StringBuilder text = new StringBuilder().append(quote);
        for (char c : s.toCharArray()) {
            if (c == quote || c == '\\') {
                text.append('\\').append(c);
            } else if (c > 127 && random.nextBoolean()) {
                text.append(String.format("\\u%04x", (int) c));
            } else {
                text.append(c);
            }
        }
        return text.append(quote).toString();
    }

    private static String keyword(String word, Random random) {
        switch (random.nextInt(3)) {
            case 0: return word.toLowerCase(Locale.ROOT);
            case 1: return word.toUpperCase(Locale.ROOT);
            default: return word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT);
        }
    }

    // ---- model --------------------------------------------------------------------------------------

    private static boolean scalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    /** Documented equality: same kind and value; numbers by numeric value; null equals only null. */
    private static boolean modelEquals(Object x, Object y) {
        if (x == null || y == null) {
            return x == y;
        }
        if (x instanceof Number && y instanceof Number) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        return scalar(x) && scalar(y) && x.getClass() == y.getClass() && x.equals(y);
    }

    // ---- properties ---------------------------------------------------------------------------------

    @Test
    void equalsMatchesExactlyWhenTheValueEquals() {
        Random random = new Random(1);
        for (int run = 0; run < RUNS; run++) {
            Map<String, Object> attributes = attributes(random);
            String key = KEYS[random.nextInt(KEYS.length)];
            Object constant = scalar(random, true);
            String text = key + (random.nextBoolean() ? " == " : " = ") + literal(constant, random);
            Object value = attributes.get(key);
            boolean expected = value == null ? constant == null : scalar(value) && modelEquals(value, constant);
            assertEquals(expected, Expression.parse(text).matches(attributes), text + " on " + attributes);
        }
    }

    @Test
    void notEqualsIsTheNegationOfEqualsForScalarsAndNull() {
        Random random = new Random(2);
        for (int run = 0; run < RUNS; run++) {
            Map<String, Object> attributes = attributes(random);
            String key = KEYS[random.nextInt(KEYS.length)];
            if (attributes.get(key) instanceof List) {
                continue; // scalar operators on arrays are false both ways
            }
            String constant = literal(scalar(random, true), random);
            boolean eq = Expression.parse(key + " == " + constant).matches(attributes);
            boolean ne = Expression.parse(key + " != " + constant).matches(attributes);
            assertEquals(!eq, ne, key + " vs " + constant + " on " + attributes);
        }
    }

    @Test
    void literalsRoundTrip() {
        Random random = new Random(3);
        for (int run = 0; run < RUNS; run++) {
            Object value;
            if (random.nextBoolean()) {
                StringBuilder s = new StringBuilder();
                for (int i = random.nextInt(12); i > 0; i--) {
                    s.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x3000)));
                }
                value = s.toString();
            } else if (random.nextBoolean()) {
                value = random.nextLong() / (1L << random.nextInt(40));
            } else {
                value = BigDecimal.valueOf(random.nextInt(2_000_001) - 1_000_000, random.nextInt(5));
            }
            String text = "v == " + literal(value, random);
            assertTrue(Expression.parse(text).matches(Map.of("v", value)), text);
            assertTrue(Expression.parse(literal(value, random) + " == v").matches(Map.of("v", value)), text);
        }
    }

    @Test
    void logicalOperatorsFollowBooleanAlgebra() {
        Random random = new Random(4);
        for (int run = 0; run < RUNS; run++) {
            Map<String, Object> attributes = attributes(random);
            String p = atom(random);
            String q = atom(random);
            boolean pv = Expression.parse(p).matches(attributes);
            boolean qv = Expression.parse(q).matches(attributes);
            String and = random.nextBoolean() ? keyword("AND", random) : "&&";
            String or = random.nextBoolean() ? keyword("OR", random) : "||";
            String not = random.nextBoolean() ? keyword("NOT", random) + " " : "!";
            assertEquals(pv && qv, Expression.parse("(" + p + ") " + and + " (" + q + ")").matches(attributes));
            assertEquals(pv || qv, Expression.parse("(" + p + ") " + or + " (" + q + ")").matches(attributes));
            assertEquals(!pv, Expression.parse(not + "(" + p + ")").matches(attributes), not + p);
            // De Morgan, via our NOT.
            assertEquals(Expression.parse("NOT ((" + p + ") AND (" + q + "))").matches(attributes),
                    Expression.parse("NOT (" + p + ") OR NOT (" + q + ")").matches(attributes));
        }
    }

    @Test
    void randomTreesEvaluateLikeTheModel() {
        Random random = new Random(5);
        for (int run = 0; run < RUNS; run++) {
            Map<String, Object> attributes = attributes(random);
            boolean[] expected = new boolean[1];
            String text = tree(random, attributes, 4, expected);
            assertEquals(expected[0], Expression.parse(text).matches(attributes), text + " on " + attributes);
        }
    }

    /** A random expression tree, fully parenthesised, whose model value is stored in {@code value[0]}. */
    private static String tree(Random random, Map<String, Object> attributes, int depth, boolean[] value) {
        int pick = depth == 0 ? 0 : random.nextInt(4);
        if (pick == 0) {
            String atom = atom(random);
            value[0] = Expression.parse(atom).matches(attributes);
            return atom;
        }
        boolean[] left = new boolean[1];
        String l = tree(random, attributes, depth - 1, left);
        if (pick == 3) {
            value[0] = !left[0];
            return keyword("NOT", random) + " (" + l + ")";
        }
        boolean[] right = new boolean[1];
        String r = tree(random, attributes, depth - 1, right);
        value[0] = pick == 1 ? left[0] && right[0] : left[0] || right[0];
        return "(" + l + ") " + keyword(pick == 1 ? "AND" : "OR", random) + " (" + r + ")";
    }

    private static String atom(Random random) {
        String key = KEYS[random.nextInt(KEYS.length)];
        String[] operators = {"==", "!=", ">", ">=", "<", "<=", "HAS", "CONTAINS", "IN", "NOT IN"};
        String operator = operators[random.nextInt(operators.length)];
        if (operator.equals("IN") || operator.equals("NOT IN")) {
            return key + " " + keyword(operator, random) + " " + arrayLiteral(random);
        }
        return key + " " + operator + " " + literal(scalar(random, true), random);
    }

    private static String arrayLiteral(Random random) {
        List<String> elements = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            elements.add(literal(scalar(random, false), new Random(random.nextLong())));
        }
        return "[" + String.join(", ", elements) + "]";
    }

    @Test
    void notInIsTheNegationOfInWhenTheKeyExists() {
        Random random = new Random(6);
        int checked = 0;
        for (int run = 0; run < RUNS; run++) {
            Map<String, Object> attributes = attributes(random);
            String key = KEYS[random.nextInt(KEYS.length)];
            String array = arrayLiteral(random);
            boolean in = Expression.parse(key + " IN " + array).matches(attributes);
            boolean notIn = Expression.parse(key + " NOT IN " + array).matches(attributes);
            if (attributes.get(key) != null) {
                assertEquals(!in, notIn, key + " / " + array + " on " + attributes);
                checked++;
            } else {
                assertEquals(false, in || notIn, "a missing key is in nothing and not-in nothing");
            }
        }
        assertTrue(checked > RUNS / 2);
    }

    @Test
    void inMatchesTheModel() {
        Random random = new Random(7);
        for (int run = 0; run < RUNS; run++) {
            Object value = scalar(random, false);
            List<Object> list = new ArrayList<>();
            for (int i = random.nextInt(5); i > 0; i--) {
                list.add(scalar(random, false));
            }
            StringBuilder array = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                array.append(i == 0 ? "" : ",").append(literal(list.get(i), random));
            }
            array.append(']');
            boolean expected = list.stream().anyMatch(element -> modelEquals(value, element));
            assertEquals(expected, Expression.parse("v IN " + array).matches(Map.of("v", value)), value + " IN " + array);
            assertEquals(expected, Expression.parse("list HAS " + literal(value, random)).matches(Map.of("list", list)));
        }
    }

    @Test
    void numbersAndStringsAreTotallyOrdered() {
        Random random = new Random(8);
        for (int run = 0; run < RUNS; run++) {
            Map<String, Object> attributes = new HashMap<>();
            boolean numbers = random.nextBoolean();
            Object x = numbers ? (Object) ((random.nextInt(9) - 4) / 2.0) : WORDS[random.nextInt(WORDS.length)];
            Object y = numbers ? (Object) (random.nextInt(9) - 4) : WORDS[random.nextInt(WORDS.length)];
            attributes.put("x", x);
            attributes.put("y", y);
            int holding = 0;
            for (String operator : new String[] {"<", "==", ">"}) {
                holding += Expression.parse("x " + operator + " y").matches(attributes) ? 1 : 0;
            }
            assertEquals(1, holding, x + " vs " + y);
            assertEquals(Expression.parse("x < y OR x == y").matches(attributes),
                    Expression.parse("x <= y").matches(attributes));
            assertEquals(Expression.parse("y < x").matches(attributes), Expression.parse("x > y").matches(attributes));
        }
    }

    @Test
    void indexesSelectTheElementAtThatPosition() {
        Random random = new Random(9);
        for (int run = 0; run < RUNS; run++) {
            List<Object> list = new ArrayList<>();
            for (int i = random.nextInt(6); i > 0; i--) {
                list.add(scalar(random, false));
            }
            int index = random.nextInt(8);
            Map<String, Object> attributes = Map.of("o", Map.of("l", list));
            String path = "o.l[" + index + "]";
            if (index < list.size()) {
                assertTrue(Expression.parse(path + " == " + literal(list.get(index), random)).matches(attributes),
                        path + " in " + list);
            } else {
                assertTrue(Expression.parse(path + " == null").matches(attributes), path + " in " + list);
            }
        }
    }

    @Test
    void timeVariablesAgreeWithTheClockInAnyZone() {
        Random random = new Random(10);
        List<String> zones = new ArrayList<>(ZoneId.getAvailableZoneIds());
        zones.sort(null);
        Expression consistent = Expression.parse("taskrouter.currentTime == taskrouter.currentTime"
                + " AND taskrouter.currentHour >= 0 AND taskrouter.currentHour <= 23"
                + " AND taskrouter.currentMin >= 0 AND taskrouter.currentMin <= 59"
                + " AND taskrouter.dayOfWeek IN ['Mon','Tue','Wed','Thu','Fri','Sat','Sun']");
        for (int run = 0; run < RUNS; run++) {
            Instant instant = Instant.ofEpochSecond(1_600_000_000L + (long) (random.nextDouble() * 400_000_000L));
            ZoneId zone = ZoneId.of(zones.get(random.nextInt(zones.size())));
            ZonedDateTime local = instant.atZone(zone);
            EvaluationContext context = EvaluationContext.at(instant, zone);
            int hhmm = local.getHour() * 100 + local.getMinute();
            String text = "taskrouter.currentTime == " + hhmm + " AND taskrouter.currentHour == " + local.getHour()
                    + " AND taskrouter.currentMin == " + local.getMinute();
            assertTrue(Expression.parse(text).matches(Map.of(), context), text + " at " + local);
            assertTrue(consistent.matches(Map.of(), context));
        }
    }
}
