package org.opencc.testsupport.browser;

/**
 * An expression given to {@link Page#evaluate(String)} threw (or its promise rejected) in the page; the message is
 * the page's own exception text, e.g. {@code Error: boom}, so a failing browser test says what the page said.
 */
public class JavaScriptException extends RuntimeException {
    public JavaScriptException(String message) {
        super(message);
    }
}
