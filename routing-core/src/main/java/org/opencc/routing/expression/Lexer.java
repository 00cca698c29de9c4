package org.opencc.routing.expression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns expression text into tokens; keywords are case-insensitive as in TaskRouter. An attribute path
 * such as {@code a.b[1].c} is one token whose value is its segments: a String per key, an Integer per index.
 */
final class Lexer {

    private static final Map<String, Token.Kind> KEYWORDS = Map.of(
            "AND", Token.Kind.AND, "OR", Token.Kind.OR, "NOT", Token.Kind.NOT, "IN", Token.Kind.IN,
            "HAS", Token.Kind.HAS, "CONTAINS", Token.Kind.CONTAINS, "TRUE", Token.Kind.TRUE,
            "FALSE", Token.Kind.FALSE, "NULL", Token.Kind.NULL);

    private final String text;
    private int pos;

    Lexer(String text) {
        this.text = text;
    }

    List<Token> tokenize() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (pos >= text.length()) {
                tokens.add(new Token(Token.Kind.END, "", null, text.length()));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private Token next() {
        int start = pos;
        char c = text.charAt(pos);
        if (c == '\'' || c == '"') {
            return string(c);
        }
        if (isDigit(c) || (c == '-' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1)))) {
            return number();
        }
        if (isIdentifierStart(c)) {
            return word();
        }
        switch (c) {
            case '(': return symbol(Token.Kind.LPAREN, 1);
            case ')': return symbol(Token.Kind.RPAREN, 1);
            case '[': return symbol(Token.Kind.LBRACKET, 1);
            case ']': return symbol(Token.Kind.RBRACKET, 1);
            case ',': return symbol(Token.Kind.COMMA, 1);
            case '=': return symbol(Token.Kind.EQ, lookingAt("==") ? 2 : 1);
            case '>': return lookingAt(">=") ? symbol(Token.Kind.GE, 2) : symbol(Token.Kind.GT, 1);
            case '<': return lookingAt("<=") ? symbol(Token.Kind.LE, 2) : symbol(Token.Kind.LT, 1);
            case '!': return lookingAt("!=") ? symbol(Token.Kind.NE, 2) : symbol(Token.Kind.BANG, 1);
            case '&':
                if (lookingAt("&&")) {
                    return symbol(Token.Kind.AND, 2);
                }
                throw unexpected(start, " (did you mean '&&'?)");
            case '|':
                if (lookingAt("||")) {
                    return symbol(Token.Kind.OR, 2);
                }
                throw unexpected(start, " (did you mean '||'?)");
            default:
                throw unexpected(start, "");
        }
    }

    private ExpressionException unexpected(int at, String hint) {
        return new ExpressionException(
                "unexpected character '" + text.charAt(at) + "' at position " + at + hint, at);
    }

    private boolean lookingAt(String s) {
        return text.startsWith(s, pos);
    }

    private Token symbol(Token.Kind kind, int length) {
        int start = pos;
        pos += length;
        return new Token(kind, text.substring(start, pos), null, start);
    }

    /**
     * A quoted string. A backslash escapes the next character: n, t, r, b and f are the usual control
     * characters, u followed by four hex digits is a UTF-16 code unit, anything else stands for itself
     * (so a string can contain its own quote character or a backslash).
     */
    private Token string(char quote) {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return new Token(Token.Kind.STRING, text.substring(start, pos), value.toString(), start);
            }
            if (c == '\\' && pos < text.length()) {
                value.append(escape(pos - 1));
            } else {
                value.append(c);
            }
        }
        throw new ExpressionException("unterminated string starting at position " + start, start);
    }

    /** Reads the character after the backslash at {@code backslash}; {@code pos} is just past the backslash. */
    private char escape(int backslash) {
        char c = text.charAt(pos++);
        switch (c) {
            case 'n': return '\n';
            case 't': return '\t';
            case 'r': return '\r';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'u':
                if (pos + 4 > text.length()) {
                    throw badUnicode(backslash);
                }
                int code = 0;
                for (int i = 0; i < 4; i++) {
                    int digit = Character.digit(text.charAt(pos + i), 16);
                    if (digit < 0) {
                        throw badUnicode(backslash);
                    }
                    code = code * 16 + digit;
                }
                pos += 4;
                return (char) code;
            default:
                // \' \" \\ \/ and, leniently, anything else: the character itself.
                return c;
        }
    }

    private static ExpressionException badUnicode(int at) {
        return new ExpressionException("invalid unicode escape at position " + at
                + " (expected \\u followed by 4 hex digits)", at);
    }

    private Token number() {
        int start = pos;
        if (text.charAt(pos) == '-') {
            pos++;
        }
        digits();
        if (pos + 1 < text.length() && text.charAt(pos) == '.' && isDigit(text.charAt(pos + 1))) {
            pos++;
            digits();
        }
        String literal = text.substring(start, pos);
        return new Token(Token.Kind.NUMBER, literal, new BigDecimal(literal), start);
    }

    private void digits() {
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
    }

    /**
     * An identifier, which may turn out to be a keyword, or an attribute path: identifiers joined by
     * {@code .} and followed by any number of {@code [index]} suffixes.
     */
    private Token word() {
        int start = pos;
        String first = identifier();
        if (pos >= text.length() || text.charAt(pos) != '.') {
            Token.Kind keyword = KEYWORDS.get(first.toUpperCase(Locale.ROOT));
            if (keyword != null) {
                Object value = keyword == Token.Kind.TRUE ? Boolean.TRUE
                        : keyword == Token.Kind.FALSE ? Boolean.FALSE : null;
                return new Token(keyword, first, value, start);
            }
        }
        List<Object> segments = new ArrayList<>();
        segments.add(first);
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '.') {
                if (pos + 1 >= text.length() || !isIdentifierStart(text.charAt(pos + 1))) {
                    throw new ExpressionException("expected an attribute name after '.' at position " + (pos + 1), pos + 1);
                }
                pos++;
                segments.add(identifier());
            } else if (c == '[') {
                segments.add(index());
            } else {
                break;
            }
        }
        return new Token(Token.Kind.PATH, text.substring(start, pos), List.copyOf(segments), start);
    }

    /** {@code [digits]} right after a key; {@code pos} is at the bracket. */
    private Integer index() {
        int open = pos++;
        skipWhitespace();
        int digitsStart = pos;
        digits();
        if (digitsStart == pos) {
            throw new ExpressionException("expected an array index (a non-negative integer) at position " + pos
                    + " in the index opened at position " + open, pos);
        }
        String digits = text.substring(digitsStart, pos);
        // More than 9 digits could overflow an int; no JSON array is that long anyway.
        if (digits.length() > 9) {
            throw new ExpressionException("array index " + digits + " at position " + digitsStart + " is too large",
                    digitsStart);
        }
        skipWhitespace();
        if (pos >= text.length() || text.charAt(pos) != ']') {
            throw new ExpressionException("expected ']' at position " + pos + " to close the index opened at position "
                    + open, pos);
        }
        pos++;
        return Integer.valueOf(digits);
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    /** ASCII only: {@link Character#isDigit} also accepts other scripts' digits, which BigDecimal may not. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '-';
    }
}
