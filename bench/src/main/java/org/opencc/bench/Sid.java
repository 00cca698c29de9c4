package org.opencc.bench;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Fresh TaskRouter-style sids ({@code WS}, {@code WQ}, {@code WT}, ... followed by 32 lower-case hex digits), the
 * shape the services validate, for events a benchmark publishes as task-router would.
 */
final class Sid {
    private Sid() {}

    static String next(String prefix) {
        return prefix + hex(32);
    }

    static String hex(int digits) {
        StringBuilder hex = new StringBuilder();
        while (hex.length() < digits) {
            hex.append(Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE));
        }
        return hex.substring(0, digits);
    }
}
