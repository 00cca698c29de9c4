package org.opencc.routing.expression;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the parser: random token soup, random characters and mutations of valid expressions. Every
 * input must either parse (and then evaluate without throwing) or fail with an {@link ExpressionException}
 * whose position lies within the text, and each batch must finish well within its time limit.
 */
class ExpressionFuzzTest {

    private static final int BATCHES = 10;
    private static final int PER_BATCH = 1_000;
    private static final Duration BATCH_LIMIT = Duration.ofSeconds(10);

    private static final String[] FRAGMENTS = {
        " ", "  ", "(", ")", "[", "]", ",", ".", "==", "=", "!=", "!", ">", ">=", "<", "<=", "&&", "||", "&", "|",
        "AND", "or", "Not", "IN", "not in", "HAS", "contains", "true", "FALSE", "null", "a", "b.c", "x[0]",
        "y[12].z", "task.level", "worker.sid", "taskrouter.currentTime", "workers.available", "'s'", "\"d\"",
        "'", "\"", "\\", "\\u00e9", "\\u12", "1", "-2", "3.5", "0800", "9999999999999999999999", "[1,2]", "[]",
        "x[", "x[]", "x[-1]", "x[1234567890]", "\t", "\n", "#", "@", "é", "\u0000", "-", "_", "$",
    };

    private static final List<String> VALID = List.of(
            "language == 'es' AND skills HAS 'billing'",
            "(a == 1 OR b != 2) && c IN [1, 2, 'x'] || NOT d NOT IN []",
            "object.array[2] == 'c' AND rows[0].d[1] >= 20",
            "taskrouter.dayOfWeek IN ['Mon','Tue'] AND taskrouter.currentTime > 0800",
            "workers.available == 0",
            "!(name CONTAINS \"O\\'B\\u00e9\") AND x <= -1.25",
            "task.level <= worker.level AND worker.sid NOT IN task.excluded");

    private static final Map<String, Object> ATTRIBUTES = attributes();
    private static final EvaluationContext CONTEXT = EvaluationContext.at(Instant.parse("2025-01-15T09:05:00Z"),
            ZoneOffset.UTC).withWorkerCounts(0, 2);

    private static Map<String, Object> attributes() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("a", 1);
        attributes.put("b", List.of(1, "x", List.of(true)));
        attributes.put("language", "es");
        attributes.put("object", Map.of("array", List.of("a", "b", "c")));
        attributes.put("n", null);
        return attributes;
    }

    @Test
    void randomTokenSoupNeverEscapesExpressionException() {
        Random random = new Random(42);
        for (int batch = 0; batch < BATCHES; batch++) {
            assertTimeoutPreemptively(BATCH_LIMIT, () -> {
                for (int i = 0; i < PER_BATCH; i++) {
                    StringBuilder text = new StringBuilder();
                    for (int n = random.nextInt(16); n > 0; n--) {
                        text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                        if (random.nextInt(3) == 0) {
                            text.append(' ');
                        }
                    }
                    check(text.toString());
                }
            });
        }
    }

    @Test
    void randomCharactersNeverEscapeExpressionException() {
        Random random = new Random(43);
        for (int batch = 0; batch < BATCHES; batch++) {
            assertTimeoutPreemptively(BATCH_LIMIT, () -> {
                for (int i = 0; i < PER_BATCH; i++) {
                    char[] chars = new char[random.nextInt(40)];
                    for (int c = 0; c < chars.length; c++) {
                        // Mostly printable ASCII, some arbitrary UTF-16 units (lone surrogates included).
                        chars[c] = random.nextInt(5) == 0 ? (char) random.nextInt(0x10000) : (char) (32 + random.nextInt(95));
                    }
                    check(new String(chars));
                }
            });
        }
    }

    @Test
    void mutatedValidExpressionsNeverEscapeExpressionException() {
        Random random = new Random(44);
        for (int batch = 0; batch < BATCHES; batch++) {
            assertTimeoutPreemptively(BATCH_LIMIT, () -> {
                for (int i = 0; i < PER_BATCH; i++) {
                    StringBuilder text = new StringBuilder(VALID.get(random.nextInt(VALID.size())));
                    for (int m = 1 + random.nextInt(4); m > 0; m--) {
                        mutate(text, random);
                    }
                    check(text.toString());
                }
            });
        }
    }

    @Test
    void deepNestingIsRejectedQuicklyInsteadOfOverflowingTheStack() {
        assertTimeoutPreemptively(BATCH_LIMIT, () -> {
            for (int depth : new int[] {Parser.MAX_DEPTH + 1, 1_000, 100_000}) {
                check("(".repeat(depth) + "a == 1" + ")".repeat(depth));
                check("NOT ".repeat(depth) + "a == 1");
                check("!".repeat(depth) + "a == 1");
                check("(".repeat(depth));
                check("[".repeat(depth));
            }
            String ok = "(".repeat(Parser.MAX_DEPTH) + "a == 1" + ")".repeat(Parser.MAX_DEPTH);
            assertTrue(Expression.parse(ok).matches(ATTRIBUTES));
        });
    }

    @Test
    void longFlatInputsParseQuickly() {
        assertTimeoutPreemptively(BATCH_LIMIT, () -> {
            String chain = String.join(" OR ", java.util.Collections.nCopies(20_000, "a == 1"));
            assertTrue(Expression.parse(chain).matches(ATTRIBUTES));
            check("'" + "x".repeat(200_000));
            check("a IN [" + "1,".repeat(50_000) + "]");
            check("a" + ".b".repeat(50_000) + " == 1");
            check("a" + "[0]".repeat(50_000) + " == 1");
        });
    }

    private static void mutate(StringBuilder text, Random random) {
        int at = text.length() == 0 ? 0 : random.nextInt(text.length());
        switch (random.nextInt(5)) {
            case 0: // delete a character
                if (text.length() > 0) {
                    text.deleteCharAt(at);
                }
                break;
            case 1: // insert a fragment
                text.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                break;
            case 2: // replace a character
                if (text.length() > 0) {
                    text.setCharAt(at, (char) (32 + random.nextInt(95)));
                }
                break;
            case 3: // duplicate a slice
                int end = Math.min(text.length(), at + random.nextInt(10));
                text.insert(at, text.substring(at, end));
                break;
            default: // truncate
                text.setLength(at);
        }
    }

    /** Parse (and evaluate on success); anything but an in-range ExpressionException fails the test. */
    private static void check(String text) {
        try {
            Expression expression = Expression.parse(text);
            expression.matches(ATTRIBUTES);
            expression.matches(ATTRIBUTES, CONTEXT);
        } catch (ExpressionException e) {
            if (e.position() < 0 || e.position() > text.length() || e.getMessage() == null
                    || !e.getMessage().contains("position")) {
                fail("bad error for " + quote(text) + ": position " + e.position() + ", " + e.getMessage());
            }
        } catch (RuntimeException | StackOverflowError e) {
            fail("unexpected " + e + " for " + quote(text), e);
        }
    }

    private static String quote(String text) {
        return text.length() > 200 ? "«" + text.substring(0, 200) + "…»" : "«" + text + "»";
    }
}
