package org.opencc.gateway.message;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The statuses an outbound message goes through, ranked: Twilio's status callbacks may arrive out of order, and a
 * status only replaces one of lower rank. {@code queued} is our intent before Twilio is called; {@code sent}
 * (Twilio accepted it) and {@code failed} (Twilio refused it) are recorded from Twilio's answer; the rest come from
 * status callbacks. The terminal failures rank below {@code delivered}, which a carrier only reports last.
 */
public final class MessageStatus {
    public static final String QUEUED = "queued";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";

    private static final Map<String, Integer> RANKS = Map.of(
            "accepted", 0, "scheduled", 0, QUEUED, 0,
            "sending", 1,
            SENT, 2,
            "undelivered", 3, FAILED, 3,
            "delivered", 4,
            "read", 5);

    private MessageStatus() {}

    /** The rank of a status Twilio reports (any case), or empty for one we do not track. */
    public static Optional<Integer> rank(String status) {
        return status == null ? Optional.empty()
                : Optional.ofNullable(RANKS.get(status.toLowerCase(Locale.ROOT)));
    }

    static int rankOf(String status) {
        return rank(status).orElseThrow(() -> new IllegalArgumentException("untracked status " + status));
    }
}
