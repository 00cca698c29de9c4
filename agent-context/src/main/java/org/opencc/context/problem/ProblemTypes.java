package org.opencc.context.problem;

import org.opencc.support.problem.ProblemType;

/** agent-context's own problem types; their URIs never change once published. */
public final class ProblemTypes {
    /** An agent asked for the context of a task no live reservation of theirs holds. */
    public static final ProblemType NOT_YOUR_TASK = new ProblemType("not-your-task",
            "The task is not reserved to the caller's worker", 403, 20403);

    private ProblemTypes() {}
}
