package org.opencc.routing.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionTest {

    private static final Map<String, Object> TASK = task();

    private static Map<String, Object> task() {
        Map<String, Object> customer = new HashMap<>();
        customer.put("tier", "gold");
        customer.put("address", Map.of("country", "ES"));
        customer.put("nickname", null);
        Map<String, Object> task = new HashMap<>();
        task.put("language", "es");
        task.put("priority", 5);
        task.put("score", 4.5);
        task.put("big", 10_000_000_000L);
        task.put("vip", true);
        task.put("skills", List.of("billing", "support", 3));
        task.put("subject", "refund for order 42");
        task.put("customer", customer);
        return task;
    }

    private static boolean eval(String text) {
        return Expression.parse(text).matches(TASK);
    }

    @Test
    void oneEqualsOneMatchesEverything() {
        assertTrue(Expression.parse("1==1").matches(Map.of()));
        assertTrue(Expression.parse("1==1").matches(null));
    }

    @Test
    void textReturnsTheOriginalText() {
        assertEquals("  language == 'es' ", Expression.parse("  language == 'es' ").text());
    }

    @Test
    void doubleAndSingleEqualsCompareStringsExactly() {
        assertTrue(eval("language == 'es'"));
        assertTrue(eval("language = 'es'"));
        assertTrue(eval("language == \"es\""));
        assertFalse(eval("language == 'ES'"));
        assertFalse(eval("language == 'e'"));
    }

    @Test
    void notEqualsIsTheNegationOfEquals() {
        assertTrue(eval("language != 'en'"));
        assertFalse(eval("language != 'es'"));
    }

    @Test
    void numbersCompareNumericallyAcrossIntegerAndDecimal() {
        assertTrue(eval("priority == 5"));
        assertTrue(eval("priority == 5.0"));
        assertTrue(eval("priority > 4.99"));
        assertTrue(eval("priority >= 5"));
        assertTrue(eval("priority <= 5"));
        assertFalse(eval("priority < 5"));
        assertTrue(eval("score > 4"));
        assertTrue(eval("score == 4.50"));
        assertTrue(eval("big > 9999999999"));
        assertTrue(eval("priority > -1"));
        assertTrue(eval("-2 < -1.5"));
    }

    @Test
    void numbersInAnyJavaTypeCompareByValue() {
        Map<String, Object> attributes = Map.of("a", new BigDecimal("2.0"), "b", 2.0f, "c", (short) 2);
        assertTrue(Expression.parse("a == 2 AND b == 2 AND c == 2").matches(attributes));
    }

    @Test
    void stringsOrderLexicographically() {
        assertTrue(eval("language > 'en'"));
        assertTrue(eval("language < 'fr'"));
        assertTrue(eval("language >= 'es' AND language <= 'es'"));
    }

    @Test
    void incompatibleTypesNeverMatch() {
        assertFalse(eval("language == 5"));
        assertFalse(eval("language > 5"));
        assertFalse(eval("priority == '5'"));
        assertFalse(eval("vip == 'true'"));
        assertFalse(eval("vip > false"));
        assertTrue(eval("priority != '5'"));
    }

    @Test
    void booleansAndKeywordsAreCaseInsensitive() {
        assertTrue(eval("vip == true"));
        assertTrue(eval("vip == TRUE"));
        assertFalse(eval("vip == False"));
        assertTrue(eval("language == 'es' and vip == true"));
        assertTrue(eval("language == 'xx' Or vip == true"));
    }

    @Test
    void nestedPathsWalkMaps() {
        assertTrue(eval("customer.tier == 'gold'"));
        assertTrue(eval("customer.address.country == 'ES'"));
        assertFalse(eval("customer.address.city == 'Madrid'"));
        assertFalse(eval("language.code == 'es'"));
    }

    @Test
    void missingAttributesMatchOnlyNotEquals() {
        assertFalse(eval("missing == 'x'"));
        assertFalse(eval("missing > 1"));
        assertFalse(eval("missing < 1"));
        assertFalse(eval("missing IN ['x']"));
        assertFalse(eval("missing NOT IN ['x']"));
        assertFalse(eval("missing HAS 'x'"));
        assertFalse(eval("missing CONTAINS 'x'"));
        assertTrue(eval("missing != 'x'"));
        assertTrue(eval("a.b.c != 1"));
    }

    @Test
    void nullLiteralMatchesMissingAndExplicitNull() {
        assertTrue(eval("missing == null"));
        assertTrue(eval("customer.nickname == null"));
        assertFalse(eval("customer.tier == null"));
        assertTrue(eval("customer.tier != null"));
        assertFalse(eval("missing != null"));
    }

    @Test
    void inMatchesWhenValueIsInList() {
        assertTrue(eval("language IN ['en', 'es']"));
        assertTrue(eval("priority in [1, 5, 9]"));
        assertFalse(eval("language IN ['en', 'fr']"));
        assertFalse(eval("language IN []"));
        assertTrue(eval("'billing' IN skills"));
    }

    @Test
    void inIsFalseWhenRightSideIsNotAList() {
        assertFalse(eval("language IN 'es'"));
    }

    @Test
    void notInMatchesWhenValueIsAbsentFromList() {
        assertTrue(eval("language NOT IN ['en', 'fr']"));
        assertFalse(eval("language not in ['en', 'es']"));
    }

    @Test
    void hasMatchesWhenArrayAttributeContainsValue() {
        assertTrue(eval("skills HAS 'billing'"));
        assertTrue(eval("skills has 3"));
        assertFalse(eval("skills HAS 'sales'"));
        assertFalse(eval("language HAS 'es'"));
    }

    @Test
    void containsMatchesSubstringsAndArrayElements() {
        assertTrue(eval("subject CONTAINS 'refund'"));
        assertFalse(eval("subject CONTAINS 'Refund'"));
        assertTrue(eval("skills contains 'support'"));
        assertFalse(eval("skills CONTAINS 'supp'"));
        assertFalse(eval("priority CONTAINS 5"));
    }

    @Test
    void scalarOperatorsOnArraysAreFalseAsTwilioDocuments() {
        // "Using scalar operators on Arrays results in false" (Twilio expression-syntax docs).
        Map<String, Object> tags = Map.of("tags", List.of("a", "b"));
        assertFalse(Expression.parse("tags == ['a', 'b']").matches(tags));
        assertFalse(Expression.parse("tags != ['a']").matches(tags));
        assertFalse(Expression.parse("tags > 'a'").matches(tags));
        assertFalse(Expression.parse("customer == customer").matches(TASK));
        // ...but presence tests still work on arrays.
        assertTrue(Expression.parse("tags != null").matches(tags));
        assertFalse(Expression.parse("tags == null").matches(tags));
    }

    @Test
    void arrayLiteralsHoldAnyLiteral() {
        assertTrue(Expression.parse("x IN [null, 1]").matches(Map.of("x", 1)));
        assertTrue(Expression.parse("x IN [true]").matches(Map.of("x", true)));
    }

    @Test
    void listAttributesMayContainNull() {
        assertTrue(Expression.parse("tags HAS 'a'").matches(Map.of("tags", Arrays.asList(null, "a"))));
    }

    @Test
    void andBindsTighterThanOr() {
        // false AND false OR true: true only if AND is grouped first
        assertTrue(eval("language == 'xx' AND priority == 0 OR vip == true"));
        // true OR false AND false: true only if AND is grouped first
        assertTrue(eval("vip == true OR language == 'xx' AND priority == 0"));
        assertTrue(eval("vip == true || language == 'xx' && priority == 0"));
    }

    @Test
    void parenthesesOverridePrecedence() {
        assertFalse(eval("(vip == true OR language == 'xx') AND priority == 0"));
        assertTrue(eval("((vip == true) OR (language == 'xx')) AND (priority == 5)"));
    }

    @Test
    void quotedStringsMayContainOperatorsAndEscapedQuotes() {
        assertTrue(Expression.parse("name == 'a AND b == c'").matches(Map.of("name", "a AND b == c")));
        assertTrue(Expression.parse("name == 'O\\'Brien'").matches(Map.of("name", "O'Brien")));
        assertTrue(Expression.parse("name == \"O'Brien\"").matches(Map.of("name", "O'Brien")));
    }

    @Test
    void literalsMayAppearOnEitherSide() {
        assertTrue(eval("'es' == language"));
        assertTrue(eval("5 >= priority"));
    }

    @Test
    void equalityIsBySourceText() {
        assertEquals(Expression.parse("1==1"), Expression.parse("1==1"));
        assertEquals(Expression.parse("1==1").hashCode(), Expression.parse("1==1").hashCode());
    }
}
