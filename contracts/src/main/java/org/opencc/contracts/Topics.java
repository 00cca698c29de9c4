package org.opencc.contracts;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Kafka topic names. The version suffix changes only on an incompatible change (see EVENTS.md). */
public final class Topics {
    /** Interactions (calls, messages, chats). Key: interaction id. Producer: channel-gateway. */
    public static final String INTERACTIONS = "cc.interactions.v1";
    /** Tasks and reservations, with TaskRouter's event type names. Key: task sid. Producer: task-router. */
    public static final String TASKS = "cc.tasks.v1";
    /** Worker activity and capacity. Key: worker sid. Producer: task-router. */
    public static final String WORKERS = "cc.workers.v1";
    /**
     * Context reads, served and refused. Key: task sid, or the customer key for a read by customer. Producer:
     * agent-context.
     */
    public static final String CONTEXT = "cc.context.v1";
    /**
     * Recording decisions, consent, erasure requests. Key: interaction id (erasure requests: the request id).
     * Producer: compliance-service.
     */
    public static final String COMPLIANCE = "cc.compliance.v1";

    /**
     * Every service's answers to compliance-service's requests (erasure done). Key: request id. Producers: every
     * service. Consumer: compliance-service.
     */
    public static final String COMPLIANCE_ACKS = "cc.compliance-acks.v1";

    /** Partitions every topic is created with: at least the largest replica count planned. */
    public static final int PARTITIONS = 6;

    private Topics() {}

    /**
     * How long each topic keeps its records (Kafka's {@code retention.ms}, set when the launcher and the test
     * broker create it; EVENTS.md's table states the same). Events carry no personal data, and still no topic keeps
     * records longer than the erasure deadline of any policy (30 days).
     */
    private static final Map<String, Duration> RETENTION = Map.of(
            INTERACTIONS, Duration.ofDays(7),
            TASKS, Duration.ofDays(7),
            WORKERS, Duration.ofDays(7),
            CONTEXT, Duration.ofDays(7),
            COMPLIANCE, Duration.ofDays(30),
            COMPLIANCE_ACKS, Duration.ofDays(30));

    /** The retention of one of {@link #all()}. */
    public static Duration retention(String topic) {
        Duration retention = RETENTION.get(topic);
        if (retention == null) {
            throw new IllegalArgumentException("not one of our topics: " + topic);
        }
        return retention;
    }

    /** The topic settings to create {@code topic} with: its {@code retention.ms}. */
    public static Map<String, String> config(String topic) {
        return Map.of("retention.ms", Long.toString(retention(topic).toMillis()));
    }

    /** Every topic, in the order the launcher creates them. */
    public static List<String> all() {
        return List.of(INTERACTIONS, TASKS, WORKERS, CONTEXT, COMPLIANCE, COMPLIANCE_ACKS);
    }

    /** The dead-letter topic a consumer group parks undecodable or repeatedly failing records on. */
    public static String deadLetter(String topic, String consumerGroup) {
        return topic + ".dlq." + consumerGroup;
    }
}
