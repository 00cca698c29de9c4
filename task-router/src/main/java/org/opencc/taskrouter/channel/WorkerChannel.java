package org.opencc.taskrouter.channel;

import java.time.Instant;

/** A worker's capacity on one task channel: how many tasks of it the worker takes at once. */
public record WorkerChannel(String sid, String workspaceSid, String workerSid, String taskChannelSid,
        String taskChannelUniqueName, int capacity, int assigned, boolean available, Instant dateCreated,
        Instant dateUpdated) {

    /** Twilio's available_capacity_percentage: the share of capacity free to take tasks, 0 when unavailable. */
    public int availableCapacityPercentage() {
        if (!available || capacity == 0) {
            return 0;
        }
        return Math.max(0, (capacity - assigned) * 100 / capacity);
    }
}
