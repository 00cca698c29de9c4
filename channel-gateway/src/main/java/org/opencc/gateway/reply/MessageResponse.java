package org.opencc.gateway.reply;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import org.opencc.gateway.message.StoredMessage;

/**
 * A message as its sender sees it after sending. The text is included because the caller wrote it; nothing else
 * answers with message text.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MessageResponse(String id, String interactionId, String direction, String status, String providerSid,
        String body, Instant dateCreated, Instant dateUpdated) {

    static MessageResponse of(StoredMessage message) {
        return new MessageResponse(message.id(), message.interactionId(), message.direction(), message.status(),
                message.providerSid(), message.body(), message.createdAt(), message.updatedAt());
    }
}
