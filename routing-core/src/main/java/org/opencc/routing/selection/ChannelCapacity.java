package org.opencc.routing.selection;

/**
 * A worker's capacity on one task channel and how much of it is in use.
 *
 * @param capacity how many tasks of this channel the worker may hold at once (0 disables the channel)
 * @param assigned how many the worker currently holds; may exceed capacity if capacity was lowered
 */
public record ChannelCapacity(int capacity, int assigned) {

    /** Rejects negative values. */
    public ChannelCapacity {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        }
        if (assigned < 0) {
            throw new IllegalArgumentException("assigned must be >= 0, was " + assigned);
        }
    }

    /** True when one more task fits. */
    public boolean hasRoom() {
        return assigned < capacity;
    }

    /** Free slots, never negative. */
    public int available() {
        return Math.max(0, capacity - assigned);
    }
}
