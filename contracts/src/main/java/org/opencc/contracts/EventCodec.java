package org.opencc.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;
import java.util.Optional;
import org.opencc.contracts.interaction.IntakeRefused;
import org.opencc.contracts.interaction.InteractionAssigned;
import org.opencc.contracts.interaction.InteractionCreated;
import org.opencc.contracts.task.CallbackFailed;
import org.opencc.contracts.task.ReservationAccepted;
import org.opencc.contracts.task.ReservationCreated;
import org.opencc.contracts.task.ReservationRejected;
import org.opencc.contracts.task.ReservationTimedOut;
import org.opencc.contracts.task.TaskCanceled;
import org.opencc.contracts.task.TaskCompleted;
import org.opencc.contracts.task.TaskCreated;
import org.opencc.contracts.task.TaskQueueEntered;
import org.opencc.contracts.worker.WorkerActivityUpdated;
import org.opencc.contracts.compliance.ConsentCaptured;
import org.opencc.contracts.compliance.ConsentRevoked;
import org.opencc.contracts.compliance.ErasureCompleted;
import org.opencc.contracts.compliance.ErasureRequested;
import org.opencc.contracts.compliance.PurgeCompleted;
import org.opencc.contracts.compliance.PurgeRequested;
import org.opencc.contracts.compliance.RecordingDecided;
import org.opencc.contracts.context.ContextDenied;
import org.opencc.contracts.context.ContextServed;

/**
 * JSON of event values: snake_case members, ISO-8601 instants, unknown members ignored (within a topic version
 * producers may add optional fields).
 */
public final class EventCodec {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final Map<String, Class<? extends DomainEvent>> TYPES = Map.ofEntries(
            Map.entry(InteractionCreated.TYPE, InteractionCreated.class),
            Map.entry(InteractionAssigned.TYPE, InteractionAssigned.class),
            Map.entry(IntakeRefused.TYPE, IntakeRefused.class),
            Map.entry(TaskCreated.TYPE, TaskCreated.class),
            Map.entry(TaskQueueEntered.TYPE, TaskQueueEntered.class),
            Map.entry(ReservationCreated.TYPE, ReservationCreated.class),
            Map.entry(ReservationAccepted.TYPE, ReservationAccepted.class),
            Map.entry(ReservationRejected.TYPE, ReservationRejected.class),
            Map.entry(ReservationTimedOut.TYPE, ReservationTimedOut.class),
            Map.entry(TaskCompleted.TYPE, TaskCompleted.class),
            Map.entry(TaskCanceled.TYPE, TaskCanceled.class),
            Map.entry(CallbackFailed.TYPE, CallbackFailed.class),
            Map.entry(WorkerActivityUpdated.TYPE, WorkerActivityUpdated.class),
            Map.entry(ContextServed.TYPE, ContextServed.class),
            Map.entry(ContextDenied.TYPE, ContextDenied.class),
            Map.entry(ErasureRequested.TYPE, ErasureRequested.class),
            Map.entry(ErasureCompleted.TYPE, ErasureCompleted.class),
            Map.entry(PurgeRequested.TYPE, PurgeRequested.class),
            Map.entry(PurgeCompleted.TYPE, PurgeCompleted.class),
            Map.entry(RecordingDecided.TYPE, RecordingDecided.class),
            Map.entry(ConsentCaptured.TYPE, ConsentCaptured.class),
            Map.entry(ConsentRevoked.TYPE, ConsentRevoked.class));

    private EventCodec() {}

    /** The event's value as JSON text. */
    public static String encode(DomainEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + event.type(), e);
        }
    }

    /**
     * Decodes a value by its {@code ce_type}.
     *
     * @return empty for a type this version of the contracts does not know (consumers skip those)
     * @throws MalformedEventException when the value does not parse as the type's record
     */
    public static Optional<DomainEvent> decode(String type, String json) {
        Class<? extends DomainEvent> target = type == null ? null : TYPES.get(type);
        if (target == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readValue(json, target));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException(type, e);
        }
    }

    /** Every {@code ce_type} this version of the contracts knows, sorted. */
    public static java.util.SortedSet<String> types() {
        return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(TYPES.keySet()));
    }

    /** The mapper configured as above, for services that read event JSON in other shapes. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Thrown when a value cannot be read as the record its type names. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String type, Throwable cause) {
            super("value is not a valid " + type + ": " + cause.getMessage(), cause);
        }
    }
}
