package org.opencc.gateway.number;

import java.time.Instant;

/**
 * Where messages to one of our numbers are routed: a TaskRouter workspace and workflow, in a region.
 * {@code expectedQueueSid} is the queue its interactions are expected to land in (null: none declared); it travels
 * in {@code interaction.created} so a journey can tell a misroute.
 */
public record NumberMapping(String e164, String workspaceSid, String workflowSid, String region,
        String expectedQueueSid, Instant createdAt, Instant updatedAt) {}
