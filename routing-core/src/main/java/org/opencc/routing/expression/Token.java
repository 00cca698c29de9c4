package org.opencc.routing.expression;

/**
 * One lexical token. The original text and position are kept so that parse errors can quote what the
 * author wrote rather than an internal token name.
 */
record Token(Kind kind, String text, Object value, int position) {

    enum Kind {
        STRING, NUMBER, TRUE, FALSE, NULL, PATH,
        AND, OR, NOT, BANG, IN, HAS, CONTAINS,
        EQ, NE, GT, GE, LT, LE,
        LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA,
        END
    }

    /** How the token is quoted in error messages. */
    String describe() {
        if (kind == Kind.END) {
            return "end of expression";
        }
        // String tokens already carry their quotes.
        return kind == Kind.STRING ? text : "'" + text + "'";
    }

    boolean isLiteral() {
        return kind == Kind.STRING || kind == Kind.NUMBER || kind == Kind.TRUE
                || kind == Kind.FALSE || kind == Kind.NULL;
    }

    boolean startsOperand() {
        return isLiteral() || kind == Kind.PATH || kind == Kind.LBRACKET;
    }

    /** {@code NOT} or {@code !} in front of a sub-expression (our extension, not Twilio's). */
    boolean isNegation() {
        return kind == Kind.NOT || kind == Kind.BANG;
    }
}
