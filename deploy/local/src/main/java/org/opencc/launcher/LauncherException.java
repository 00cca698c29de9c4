package org.opencc.launcher;

/** A failure the launcher reports as one line on stderr before exiting with {@link #exitCode()}. */
final class LauncherException extends Exception {
    /** Wrong arguments. */
    static final int USAGE = 2;
    /** PostgreSQL is not reachable or not usable. */
    static final int POSTGRES = 3;
    /** Something did not become ready in time. */
    static final int TIMEOUT = 4;
    /** Anything else. */
    static final int FAILED = 1;

    private final int exitCode;

    LauncherException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    static LauncherException usage(String message) {
        return new LauncherException(message, USAGE);
    }

    static LauncherException failed(String message) {
        return new LauncherException(message, FAILED);
    }

    int exitCode() {
        return exitCode;
    }
}
