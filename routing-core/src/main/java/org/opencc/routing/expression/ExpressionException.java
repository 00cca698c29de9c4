package org.opencc.routing.expression;

/**
 * Thrown when TaskRouter expression text cannot be parsed. The message is meant to be shown to whoever
 * wrote the expression, so it always names the offending position.
 */
public final class ExpressionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int position;

    /**
     * @param message  human-readable description, already including the position
     * @param position zero-based character offset into the expression text
     */
    public ExpressionException(String message, int position) {
        super(message);
        this.position = position;
    }

    /** Zero-based character offset into the expression text where the problem was detected. */
    public int position() {
        return position;
    }
}
