package org.opencc.routing.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ExpressionErrorTest {

    private static ExpressionException fail(String text) {
        return assertThrows(ExpressionException.class, () -> Expression.parse(text));
    }

    @Test
    void emptyExpressionIsRejected() {
        assertEquals("expression is empty at position 0", fail("").getMessage());
        assertEquals(0, fail("   ").position());
        assertEquals(0, fail(null).position());
    }

    @Test
    void missingValueAfterOperatorNamesOperatorAndPosition() {
        ExpressionException e = fail("language ==");
        assertEquals("expected a value after '==' at position 11", e.getMessage());
        assertEquals(11, e.position());
        assertEquals("expected a value after 'NOT IN' at position 16", fail("language NOT IN )").getMessage());
    }

    @Test
    void missingOperatorIsReported() {
        ExpressionException e = fail("language 'es'");
        assertEquals("expected an operator after 'language' at position 9, found 'es'", e.getMessage());
        assertEquals(9, e.position());
    }

    @Test
    void notWithoutInIsRejected() {
        assertEquals(13, fail("language NOT 'es'").position());
    }

    @Test
    void danglingConnectiveIsReported() {
        ExpressionException e = fail("a == 1 AND");
        assertEquals("expected a comparison after 'AND' at position 10, found end of expression", e.getMessage());
        assertEquals(10, e.position());
        assertEquals(0, fail("OR a == 1").position());
    }

    @Test
    void trailingGarbageIsRejected() {
        ExpressionException e = fail("a == 1 b");
        assertEquals("unexpected 'b' at position 7 after a complete expression", e.getMessage());
        assertEquals(7, e.position());
        assertEquals(6, fail("a == 1)").position());
    }

    @Test
    void unclosedParenthesisIsReported() {
        ExpressionException e = fail("(a == 1 OR b == 2");
        assertEquals(17, e.position());
        assertEquals("expected ')' at position 17 to close the '(' at position 0, found end of expression", e.getMessage());
    }

    @Test
    void emptyParenthesesAreRejected() {
        assertEquals(1, fail("()").position());
    }

    @Test
    void unterminatedStringIsReported() {
        ExpressionException e = fail("language == 'es");
        assertEquals("unterminated string starting at position 12", e.getMessage());
        assertEquals(12, e.position());
    }

    @Test
    void unknownCharactersAreReported() {
        assertEquals(2, fail("a # 1").position());
        assertEquals("unexpected character '&' at position 7 (did you mean '&&'?)", fail("a == 1 & b == 2").getMessage());
        assertEquals(7, fail("a == 1 | b == 2").position());
        assertEquals(2, fail("a ! 1").position());
    }

    @Test
    void malformedArraysAreReported() {
        assertEquals(14, fail("a IN ['x', 'y'").position());
        assertEquals(10, fail("a IN ['x' 'y']").position());
        assertEquals(6, fail("a IN [b]").position());
        assertEquals(6, fail("a IN [").position());
    }

    @Test
    void bareAttributeWithoutComparisonIsRejected() {
        assertEquals(3, fail("vip").position());
    }

    @Test
    void danglingDotInPathIsRejected() {
        assertEquals(2, fail("a. == 1").position());
    }
    @Test
    void malformedIndexesAreReported() {
        ExpressionException empty = fail("languages[] == 'en'");
        assertEquals("expected an array index (a non-negative integer) at position 10 in the index opened at position 9",
                empty.getMessage());
        assertEquals(10, empty.position());
        assertEquals(10, fail("languages[-1] == 'en'").position());
        assertEquals(10, fail("languages[x] == 'en'").position());
        ExpressionException unclosed = fail("languages[0 == 'en'");
        assertEquals("expected ']' at position 12 to close the index opened at position 9", unclosed.getMessage());
        assertEquals(10, fail("languages[1234567890]").position());
        assertEquals(11, fail("languages[0").position());
    }

    @Test
    void indexWithoutAKeyIsAnArrayLiteralNotAPath() {
        // "[0] == 1" compares an array literal, which is legal; "[0].a" is not.
        assertEquals(3, fail("[0].a == 1").position());
    }

    @Test
    void badUnicodeEscapeIsReported() {
        ExpressionException e = fail("s == 'a\\u12g4'");
        assertEquals("invalid unicode escape at position 7 (expected \\u followed by 4 hex digits)", e.getMessage());
        assertEquals(7, e.position());
        assertEquals(6, fail("s == '\\u1").position());
    }

    @Test
    void danglingNegationIsReported() {
        ExpressionException e = fail("a == 1 AND NOT");
        assertEquals("expected a comparison after 'NOT' at position 14, found end of expression", e.getMessage());
        assertEquals(1, fail("!").position());
        assertEquals("expected a comparison after '!' at position 1, found end of expression", fail("!").getMessage());
        assertEquals(4, fail("NOT IN ['x']").position());
    }

    @Test
    void negationIsNotAnOperator() {
        assertEquals("expected an operator after 'a' at position 2, found '!'", fail("a ! 1").getMessage());
        assertEquals(6, fail("a NOT == 1").position());
    }

    @Test
    void excessiveNestingIsReportedWithItsPosition() {
        int limit = Parser.MAX_DEPTH;
        ExpressionException e = fail("(".repeat(limit + 1) + "a == 1" + ")".repeat(limit + 1));
        assertEquals(limit, e.position());
        assertEquals("expression nested too deeply at position " + limit + " (at most " + limit
                + " levels of parentheses and negations)", e.getMessage());
        assertEquals(2 * limit, fail("! ".repeat(limit + 1) + "a == 1").position());
    }
}
