package org.opencc.routing.expression;

import java.util.Map;

/**
 * A parsed Twilio TaskRouter expression such as {@code language == 'es' AND skills HAS 'billing'}.
 *
 * <p>Supported: string (single or double quoted), integer/decimal, boolean and null literals, arrays of
 * literals, dotted attribute paths, {@code == = != > >= < <= IN NOT IN HAS CONTAINS}, {@code AND/&&},
 * {@code OR/||} (AND binds tighter) and parentheses. Keywords are case-insensitive.
 *
 * <p>Evaluation semantics: a missing attribute resolves to null; any comparison with null is false
 * except {@code !=} (true) and {@code == null} (true). Numbers compare numerically whatever their Java
 * type; strings compare exactly, and lexicographically for ordering; mismatched types never match.
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
     * Evaluates against Jackson-style attributes (nested Map/List/String/Number/Boolean/null).
     * A null map is treated as empty.
     */
    public boolean matches(Map<String, Object> attributes) {
        return root.test(attributes == null ? Map.of() : attributes);
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
