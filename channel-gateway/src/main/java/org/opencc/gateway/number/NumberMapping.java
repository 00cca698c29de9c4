package org.opencc.gateway.number;

import java.time.Instant;

/** Where messages to one of our numbers are routed: a TaskRouter workspace and workflow, in a region. */
public record NumberMapping(String e164, String workspaceSid, String workflowSid, String region,
        Instant createdAt, Instant updatedAt) {}
