package org.opencc.support.ids;

import java.util.UUID;
import java.util.regex.Pattern;

/** TaskRouter-style SIDs: a two-letter prefix and 32 lower-case hex digits. */
public final class Sids {
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");

    private Sids() {}

    /** A new random SID with the given prefix, e.g. {@code next("WT")}. */
    public static String next(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    /** Whether {@code sid} is a well-formed SID with that prefix. */
    public static boolean isValid(String prefix, String sid) {
        return sid != null && sid.length() == 34 && sid.startsWith(prefix) && HEX32.matcher(sid.substring(2)).matches();
    }
}
