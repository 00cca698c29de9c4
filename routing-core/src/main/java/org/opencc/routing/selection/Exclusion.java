package org.opencc.routing.selection;

import java.util.Objects;

/**
 * A worker that could not be chosen, and why.
 *
 * @param workerSid the worker
 * @param reason    the name of an {@link ExclusionReason} constant
 */
public record Exclusion(String workerSid, String reason) {

    /** Requires a worker sid and a reason naming an {@link ExclusionReason} constant. */
    public Exclusion {
        Objects.requireNonNull(workerSid, "workerSid");
        ExclusionReason.valueOf(Objects.requireNonNull(reason, "reason"));
    }

    /** Convenience constructor from the enum. */
    public Exclusion(String workerSid, ExclusionReason reason) {
        this(workerSid, reason.name());
    }

    /** The reason as the enum constant. */
    public ExclusionReason reasonCode() {
        return ExclusionReason.valueOf(reason);
    }
}
