package org.opencc.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * Releases events on a fixed schedule (event {@code i} at {@code start + i / rate}) so a benchmark offers the
 * same load however fast the system answers. A late event is released at once, without catching up in a burst
 * beyond its own slot.
 */
final class Pacer {
    private final long periodNanos;
    private final long startNanos;

    Pacer(double perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive: " + perSecond);
        }
        this.periodNanos = Math.round(1e9 / perSecond);
        this.startNanos = System.nanoTime();
    }

    /** Waits until the slot of event {@code index}; returns at once if it has passed. */
    void awaitSlot(long index) throws InterruptedException {
        long target = startNanos + index * periodNanos;
        long remaining;
        while ((remaining = target - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
            if (Thread.interrupted()) {
                throw new InterruptedException("paced loop interrupted");
            }
        }
    }
}
