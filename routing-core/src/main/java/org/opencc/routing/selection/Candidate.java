package org.opencc.routing.selection;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A worker considered for a task, as seen on the task's channel.
 *
 * @param workerSid      the worker
 * @param attributes     the worker's attributes (Jackson-style nested maps); null is treated as empty
 * @param available      whether the worker's current activity is available
 * @param capacity       the worker's capacity on the channel
 * @param assigned       tasks of the channel the worker currently holds
 * @param lastAssignedAt when the worker was last given a task, or null if never
 */
public record Candidate(String workerSid, Map<String, Object> attributes, boolean available, int capacity,
                        int assigned, Instant lastAssignedAt) {

    /** Validates sid and capacity and takes an unmodifiable copy of the attributes. */
    public Candidate {
        Objects.requireNonNull(workerSid, "workerSid");
        new ChannelCapacity(capacity, assigned);
        // Not Map.copyOf: JSON attributes may legitimately hold null values.
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** The capacity pair for this channel. */
    public ChannelCapacity channelCapacity() {
        return new ChannelCapacity(capacity, assigned);
    }
}
