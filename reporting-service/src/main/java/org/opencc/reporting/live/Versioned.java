package org.opencc.reporting.live;

/** A live view read at one {@code live_version}: a stream sends it again only when the version moved. */
public interface Versioned {
    /** The {@code live_version} the rows were read at: equal versions mean equal rows. */
    long version();
}
