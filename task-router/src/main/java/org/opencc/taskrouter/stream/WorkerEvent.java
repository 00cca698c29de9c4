package org.opencc.taskrouter.stream;

import java.time.Instant;

/** One entry of a worker's event log; {@code payload} is the JSON sent as the SSE {@code data}. */
public record WorkerEvent(String workerSid, long seq, String type, String payload, Instant createdAt) {}
