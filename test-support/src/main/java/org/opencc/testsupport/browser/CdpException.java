package org.opencc.testsupport.browser;

/**
 * The DevTools protocol itself failed: Chromium answered a command with an error, did not answer in time, or the
 * connection closed. Kept apart from {@link JavaScriptException} so a test can tell a broken page from a broken
 * browser.
 */
public class CdpException extends RuntimeException {
    public CdpException(String message) {
        super(message);
    }

    public CdpException(String message, Throwable cause) {
        super(message, cause);
    }
}
