package org.opencc.routing.expression;

import java.util.Map;
import java.util.Objects;

/**
 * A parsed Twilio TaskRouter expression such as {@code language == 'es' AND skills HAS 'billing'}.
 * The full grammar, operator table and type rules are in {@code routing-core/EXPRESSIONS.md}.
 *
 * <p>As documented by Twilio: string (single or double quoted), integer/decimal and boolean literals,
 * arrays of literals, attribute keys with dot notation and array indexes ({@code object.array[2]}),
 * {@code == != > >= < <= CONTAINS} (scalar operators), {@code HAS IN NOT IN} (array operators), {@code AND}
 * and {@code OR} with parentheses. Keywords are case-insensitive; {@code =} is an alias of {@code ==}.
 * The time-of-day variables {@code taskrouter.currentTime/currentHour/currentMin/dayOfWeek} and the
 * {@code skip_if} variables ({@code workers.available}, ...) come from an {@link EvaluationContext}.
 *
 * <p>Ours, not Twilio's: unary {@code NOT}/{@code !} (binds tighter than AND), {@code &&}/{@code ||} as
 * aliases of AND/OR, a {@code null} literal, backslash escapes in strings, CONTAINS on an array on the
 * left (acts as HAS), and hyphens in keys (Twilio does not support hyphens).
 *
 * <p>Evaluation semantics: a missing attribute resolves to null; any comparison with null is false
 * except {@code !=} (true) and {@code == null} (true). Numbers compare numerically whatever their Java
 * type; strings compare exactly, and lexicographically for ordering; mismatched types never match;
 * scalar operators on arrays or objects are false (but {@code == null} and {@code != null} test presence).
 *
 * <p>Instances are immutable and thread-safe; equality is by source text.
 */
public final class Expression {

    private final String text;
    private final Node root;

    private Expression(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /**
     * Parses expression text.
     *
     * @throws ExpressionException when the text is blank or malformed; the message names the position
     */
    public static Expression parse(String text) {
        if (text == null) {
            throw new ExpressionException("expression is empty at position 0", 0);
        }
        Node root = new Parser(new Lexer(text).tokenize()).parse();
        return new Expression(text, root);
    }

    /**
     * Evaluates against Jackson-style attributes (nested Map/List/String/Number/Boolean/null) with no
     * context: time-of-day and skip_if variables are missing (null), unless the attributes define them.
     * A null map is treated as empty.
     */
    public boolean matches(Map<String, Object> attributes) {
        return matches(attributes, EvaluationContext.empty());
    }

    /**
     * Evaluates against attributes, looking paths up in {@code context} first (see {@link EvaluationContext}).
     * A null map is treated as empty.
     */
    public boolean matches(Map<String, Object> attributes, EvaluationContext context) {
        Objects.requireNonNull(context, "context");
        return root.test(new Scope(attributes == null ? Map.of() : attributes, context));
    }

    /** The text this expression was parsed from, unchanged. */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Expression that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
