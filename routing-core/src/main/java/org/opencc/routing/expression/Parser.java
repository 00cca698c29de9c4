package org.opencc.routing.expression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Recursive-descent parser. Grammar (NOT binds tighter than AND, AND tighter than OR; see EXPRESSIONS.md):
 * <pre>
 * or         := and (('OR' | '||') and)*
 * and        := unary (('AND' | '&amp;&amp;') unary)*
 * unary      := ('NOT' | '!') unary | primary
 * primary    := '(' or ')' | comparison
 * comparison := operand operator operand
 * operand    := literal | path | '[' (literal (',' literal)*)? ']'
 * </pre>
 * Nesting of parentheses and negations is limited to {@value #MAX_DEPTH} levels so that hostile input
 * cannot exhaust the stack.
 */
final class Parser {

    /** Deepest nesting of parentheses and negations accepted. */
    static final int MAX_DEPTH = 64;

    private final List<Token> tokens;
    private int index;
    private int depth;

    Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    Node parse() {
        if (peek().kind() == Token.Kind.END) {
            throw new ExpressionException("expression is empty at position 0", 0);
        }
        Node root = or(null);
        Token trailing = peek();
        if (trailing.kind() != Token.Kind.END) {
            throw error("unexpected " + trailing.describe() + " at position " + trailing.position()
                    + " after a complete expression", trailing);
        }
        return root;
    }

    private Node or(Token before) {
        List<Node> parts = new ArrayList<>();
        parts.add(and(before));
        while (peek().kind() == Token.Kind.OR) {
            parts.add(and(next()));
        }
        return parts.size() == 1 ? parts.get(0) : new Node.AnyOf(List.copyOf(parts));
    }

    private Node and(Token before) {
        List<Node> parts = new ArrayList<>();
        parts.add(unary(before));
        while (peek().kind() == Token.Kind.AND) {
            parts.add(unary(next()));
        }
        return parts.size() == 1 ? parts.get(0) : new Node.AllOf(List.copyOf(parts));
    }

    /** {@code NOT}/{@code !} in front of a comparison or a parenthesised group: our extension. */
    private Node unary(Token before) {
        if (!peek().isNegation()) {
            return primary(before);
        }
        Token negation = next();
        enter(negation);
        Node operand = unary(negation);
        depth--;
        return new Node.Not(operand);
    }

    /** {@code before} is the token that made a comparison necessary here, quoted in errors. */
    private Node primary(Token before) {
        Token token = peek();
        if (token.kind() == Token.Kind.LPAREN) {
            Token open = next();
            enter(open);
            Node inner = or(open);
            depth--;
            Token close = peek();
            if (close.kind() != Token.Kind.RPAREN) {
                throw error("expected ')' at position " + close.position() + " to close the '(' at position "
                        + open.position() + ", found " + close.describe(), close);
            }
            next();
            return inner;
        }
        if (!token.startsOperand()) {
            String after = before == null ? "" : " after " + before.describe();
            throw error("expected a comparison" + after + " at position " + token.position()
                    + ", found " + token.describe(), token);
        }
        Token leftToken = token;
        Operand left = operand(null);
        Token operatorToken = peek();
        Operator operator = operator(leftToken);
        Operand right = operand(operator == Operator.NOT_IN ? "'NOT IN'" : operatorToken.describe());
        return new Node.Comparison(left, operator, right);
    }

    private void enter(Token at) {
        if (++depth > MAX_DEPTH) {
            throw error("expression nested too deeply at position " + at.position() + " (at most " + MAX_DEPTH
                    + " levels of parentheses and negations)", at);
        }
    }

    private Operator operator(Token leftToken) {
        Token token = next();
        switch (token.kind()) {
            case EQ: return Operator.EQ;
            case NE: return Operator.NE;
            case GT: return Operator.GT;
            case GE: return Operator.GE;
            case LT: return Operator.LT;
            case LE: return Operator.LE;
            case IN: return Operator.IN;
            case HAS: return Operator.HAS;
            case CONTAINS: return Operator.CONTAINS;
            case NOT:
                if (peek().kind() == Token.Kind.IN) {
                    next();
                    return Operator.NOT_IN;
                }
                throw error("expected IN after 'NOT' at position " + peek().position(), peek());
            default:
                throw error("expected an operator after " + describeOperand(leftToken) + " at position "
                        + token.position() + ", found " + token.describe(), token);
        }
    }

    /** @param after how the preceding operator is quoted, or null when no operator precedes */
    private Operand operand(String after) {
        Token token = peek();
        if (token.kind() == Token.Kind.PATH) {
            next();
            @SuppressWarnings("unchecked")
            List<Object> segments = (List<Object>) token.value();
            return new Operand.AttributePath(segments);
        }
        if (token.isLiteral()) {
            next();
            return new Operand.Literal(token.value());
        }
        if (token.kind() == Token.Kind.LBRACKET) {
            return new Operand.Literal(array());
        }
        throw error("expected a value after " + after + " at position " + token.position(), token);
    }

    private List<Object> array() {
        Token open = next();
        List<Object> values = new ArrayList<>();
        if (peek().kind() == Token.Kind.RBRACKET) {
            next();
            return Collections.emptyList();
        }
        while (true) {
            Token element = next();
            if (!element.isLiteral()) {
                throw error("expected a literal value in the array opened at position " + open.position()
                        + ", found " + element.describe() + " at position " + element.position(), element);
            }
            values.add(element.value());
            Token separator = next();
            if (separator.kind() == Token.Kind.RBRACKET) {
                // unmodifiableList, not List.copyOf: arrays may hold null.
                return Collections.unmodifiableList(values);
            }
            if (separator.kind() != Token.Kind.COMMA) {
                throw error("expected ',' or ']' at position " + separator.position() + " in the array opened at position "
                        + open.position() + ", found " + separator.describe(), separator);
            }
        }
    }

    private static String describeOperand(Token token) {
        return token.kind() == Token.Kind.LBRACKET ? "the array at position " + token.position() : token.describe();
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token token = tokens.get(index);
        if (token.kind() != Token.Kind.END) {
            index++;
        }
        return token;
    }

    private static ExpressionException error(String message, Token at) {
        return new ExpressionException(message, at.position());
    }
}
