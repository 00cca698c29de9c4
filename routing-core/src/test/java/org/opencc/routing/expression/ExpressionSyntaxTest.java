package org.opencc.routing.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parts of the language added for completeness: indexes, escapes, aliases, NOT and the doc examples. */
class ExpressionSyntaxTest {

    /** The attributes of Twilio's "References" example, plus a few more. */
    private static final Map<String, Object> DOC = doc();

    private static Map<String, Object> doc() {
        Map<String, Object> object = new HashMap<>();
        object.put("array", List.of("a", "b", "c"));
        object.put("attr", "bar");
        object.put("rows", List.of(Map.of("c", 1), Map.of("c", 2, "d", List.of(10, 20))));
        Map<String, Object> doc = new HashMap<>();
        doc.put("string_const", "foo");
        doc.put("object", object);
        doc.put("languages", List.of("en", "es"));
        doc.put("matrix", List.of(List.of(1, 2), List.of(3, 4)));
        doc.put("holes", Arrays.asList(null, "x"));
        return doc;
    }

    private static boolean eval(String text) {
        return Expression.parse(text).matches(DOC);
    }

    @Test
    void documentedReferencesResolveAsTwilioSays() {
        assertTrue(eval("string_const == 'foo'"));
        assertTrue(eval("object.array HAS 'c'"));
        assertTrue(eval("object.array[2] == 'c'"));
        assertTrue(eval("object.attr == \"bar\""));
    }

    @Test
    void arrayIndexesSelectElements() {
        assertTrue(eval("languages[0] == 'en'"));
        assertTrue(eval("languages[1] == 'es'"));
        assertFalse(eval("languages[0] == 'es'"));
        assertTrue(eval("object.rows[1].c == 2"));
        assertTrue(eval("object.rows[0].c == 1"));
        assertTrue(eval("object.rows[1].d[1] == 20"));
        assertTrue(eval("matrix[1][0] == 3"));
        assertTrue(eval("languages[ 0 ] == 'en'"));
    }

    @Test
    void indexesOutOfRangeOrOnNonArraysResolveToNull() {
        assertTrue(eval("languages[2] == null"));
        assertTrue(eval("languages[999999999] == null"));
        assertTrue(eval("string_const[0] == null"));
        assertTrue(eval("object[0] == null"));
        assertTrue(eval("object.rows[0].d[0] == null"));
        assertTrue(eval("holes[0] == null"));
        assertTrue(eval("holes[1] == 'x'"));
        assertTrue(eval("missing[0] != 'x'"));
    }

    @Test
    void indexedValuesWorkWithEveryOperator() {
        assertTrue(eval("languages[0] IN ['en', 'fr']"));
        assertTrue(eval("languages[0] NOT IN ['fr']"));
        assertTrue(eval("object.rows[1].d HAS 10"));
        assertTrue(eval("object.array[1] CONTAINS 'b'"));
        assertTrue(eval("object.rows[1].c > object.rows[0].c"));
    }

    @Test
    void keywordsAreCaseInsensitiveEverywhere() {
        assertTrue(eval("languages has 'en' and string_const In ['foo'] oR 1 == 2"));
        assertTrue(eval("string_const nOt iN ['x'] AnD languages HaS 'es'"));
        assertTrue(eval("string_const contains 'fo' && TRUE == tRuE"));
        assertTrue(eval("missing == NULL"));
        assertTrue(eval("not (1 == 2)"));
    }

    @Test
    void symbolicAliasesMatchTheirKeywords() {
        assertEquals(eval("1 == 1 AND 2 == 3"), eval("1 == 1 && 2 == 3"));
        assertEquals(eval("1 == 2 OR 2 == 2"), eval("1 == 2 || 2 == 2"));
        assertTrue(eval("string_const = 'foo'"));
        assertEquals(eval("NOT string_const == 'foo'"), eval("!string_const == 'foo'"));
    }

    @Test
    void unaryNotNegatesTheNextComparisonOrGroup() {
        assertTrue(eval("NOT string_const == 'bar'"));
        assertFalse(eval("NOT string_const == 'foo'"));
        assertTrue(eval("!(string_const == 'bar' OR languages HAS 'de')"));
        assertTrue(eval("NOT NOT string_const == 'foo'"));
        assertTrue(eval("!!string_const == 'foo'"));
        // NOT binds tighter than AND: (NOT false) AND true.
        assertTrue(eval("NOT string_const == 'x' AND languages HAS 'en'"));
        // NOT binds tighter than OR: (NOT true) OR true.
        assertTrue(eval("NOT string_const == 'foo' OR languages HAS 'en'"));
        assertFalse(eval("NOT (string_const == 'foo' OR languages HAS 'en')"));
    }

    @Test
    void notOfAMissingComparisonIsTrue() {
        // NOT is plain boolean negation: a comparison on a missing key is false, so its negation is true.
        assertTrue(eval("NOT missing == 'x'"));
        assertTrue(eval("NOT missing IN ['x']"));
    }

    @Test
    void stringEscapes() {
        assertTrue(Expression.parse("s == 'it\\'s'").matches(Map.of("s", "it's")));
        assertTrue(Expression.parse("s == \"say \\\"hi\\\"\"").matches(Map.of("s", "say \"hi\"")));
        assertTrue(Expression.parse("s == 'a\\\\b'").matches(Map.of("s", "a\\b")));
        assertTrue(Expression.parse("s == 'l1\\nl2\\tx\\r'").matches(Map.of("s", "l1\nl2\tx\r")));
        assertTrue(Expression.parse("s == '\\u00e9t\\u00E9'").matches(Map.of("s", "été")));
        assertTrue(Expression.parse("s == 'a\\/b'").matches(Map.of("s", "a/b")));
        assertTrue(Expression.parse("s == 'x\\qy'").matches(Map.of("s", "xqy")));
        assertTrue(Expression.parse("s == \"it's\"").matches(Map.of("s", "it's")));
        assertTrue(Expression.parse("s == 'say \"hi\"'").matches(Map.of("s", "say \"hi\"")));
        assertTrue(Expression.parse("s == ''").matches(Map.of("s", "")));
    }

    @Test
    void numbersAsDocumented() {
        assertTrue(Expression.parse("n == 1").matches(Map.of("n", 1.0)));
        assertTrue(Expression.parse("n == 1.00").matches(Map.of("n", 1)));
        assertTrue(Expression.parse("n == 3.141529").matches(Map.of("n", 3.141529)));
        // Leading zeros, as in Twilio's "taskrouter.currentTime > 0800".
        assertTrue(Expression.parse("n > 0800").matches(Map.of("n", 801)));
        assertTrue(Expression.parse("n == -0.5").matches(Map.of("n", -0.5)));
    }

    @Test
    void documentedStructureExamplesParseAndEvaluate() {
        Map<String, Object> attributes = Map.of("key", 2, "object", Map.of("param", "pear"), "language", "fr",
                "condition_a", false, "condition_b", true, "skill_rating", 5.2);
        for (String text : List.of("1 == 1", "0 != 1", "\"apple\" != \"orange\"", "key > 1",
                "object.param != \"apple\"", "language IN [\"en\", \"es\", \"fr\"]",
                "(condition_a == true) OR (condition_b == true)",
                "(language == \"en\" OR language == \"fr\") AND skill_rating >= 5.1")) {
            assertTrue(Expression.parse(text).matches(attributes), text);
        }
    }

    @Test
    void arrayOperatorsOnTwoScalarsAreFalse() {
        assertFalse(eval("string_const HAS 'f'"));
        assertFalse(eval("string_const IN 'foo'"));
        assertFalse(eval("string_const NOT IN 'bar'"));
    }

    @Test
    void containsIsSubstringForStringsAndMembershipForArraysOnTheLeft() {
        assertTrue(eval("string_const CONTAINS 'oo'"));
        assertTrue(eval("string_const CONTAINS ''"));
        assertFalse(eval("string_const CONTAINS 'O'"));
        assertTrue(eval("languages CONTAINS 'en'"));
        assertFalse(eval("languages CONTAINS 'e'"));
        assertFalse(eval("string_const CONTAINS 1"));
    }

    @Test
    void objectsAreNotScalars() {
        assertFalse(eval("object == object"));
        assertFalse(eval("object != 'x'"));
        assertTrue(eval("object != null"));
    }

    @Test
    void hyphenatedKeysAreAcceptedLeniently() {
        assertTrue(Expression.parse("first-name == 'Ana'").matches(Map.of("first-name", "Ana")));
    }
}
