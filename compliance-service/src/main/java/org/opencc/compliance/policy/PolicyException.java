package org.opencc.compliance.policy;

import java.util.List;

/**
 * A policy file that cannot be used. The message names the file and every problem found, each with its JSON
 * pointer, line and column, so an operator can fix them all in one go.
 */
public class PolicyException extends RuntimeException {
    private final List<String> problems;

    public PolicyException(String source, List<String> problems) {
        super("invalid policy file " + source + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as {@code <pointer> (line L, column C): <reason>}. */
    public List<String> problems() {
        return problems;
    }
}
