package org.opencc.routing.expression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns expression text into tokens; keywords are case-insensitive as in TaskRouter. */
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
        if (Character.isDigit(c) || (c == '-' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
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
            case '!':
                if (lookingAt("!=")) {
                    return symbol(Token.Kind.NE, 2);
                }
                throw unexpected(start, " (did you mean '!='?)");
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

    private Token string(char quote) {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return new Token(Token.Kind.STRING, text.substring(start, pos), value.toString(), start);
            }
            // A backslash lets authors embed the quote character itself.
            if (c == '\\' && pos < text.length()) {
                c = text.charAt(pos++);
            }
            value.append(c);
        }
        throw new ExpressionException("unterminated string starting at position " + start, start);
    }

    private Token number() {
        int start = pos;
        if (text.charAt(pos) == '-') {
            pos++;
        }
        digits();
        if (pos + 1 < text.length() && text.charAt(pos) == '.' && Character.isDigit(text.charAt(pos + 1))) {
            pos++;
            digits();
        }
        String literal = text.substring(start, pos);
        return new Token(Token.Kind.NUMBER, literal, new BigDecimal(literal), start);
    }

    private void digits() {
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
    }

    /** An identifier or a dotted attribute path; a bare identifier may turn out to be a keyword. */
    private Token word() {
        int start = pos;
        identifier();
        while (pos < text.length() && text.charAt(pos) == '.') {
            if (pos + 1 >= text.length() || !isIdentifierStart(text.charAt(pos + 1))) {
                throw new ExpressionException("expected an attribute name after '.' at position " + (pos + 1), pos + 1);
            }
            pos++;
            identifier();
        }
        String word = text.substring(start, pos);
        Token.Kind keyword = word.indexOf('.') < 0 ? KEYWORDS.get(word.toUpperCase(Locale.ROOT)) : null;
        if (keyword == null) {
            return new Token(Token.Kind.PATH, word, List.of(word.split("\\.")), start);
        }
        Object value = keyword == Token.Kind.TRUE ? Boolean.TRUE : keyword == Token.Kind.FALSE ? Boolean.FALSE : null;
        return new Token(keyword, word, value, start);
    }

    private void identifier() {
        while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '-';
    }
}
