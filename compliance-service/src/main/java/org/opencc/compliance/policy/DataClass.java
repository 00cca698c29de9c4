package org.opencc.compliance.policy;

import java.util.Locale;

/** The kinds of data a jurisdiction sets a retention period for ({@code retention_days} in the policy file). */
public enum DataClass {
    RECORDINGS,
    TRANSCRIPTS,
    MESSAGES,
    CONTEXT_SNAPSHOTS,
    AUDIT;

    /** The member name in the policy file, e.g. {@code context_snapshots}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
