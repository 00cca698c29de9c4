package org.opencc.gateway.interaction;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import org.opencc.contracts.Channel;

/** An interaction as supervisors see it: ids and state, never the customer's number or the message text. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record InteractionResponse(String interactionId, Channel channel, String status, String workspaceSid,
        String workflowSid, String taskSid, String workerSid, String customerKey, String country, String region,
        Instant dateCreated, Instant dateUpdated) {

    static InteractionResponse of(Interaction interaction) {
        return new InteractionResponse(interaction.id(), interaction.channel(), interaction.status(),
                interaction.workspaceSid(), interaction.workflowSid(), interaction.taskSid(),
                interaction.workerSid(), interaction.customerKey(), interaction.country(), interaction.region(),
                interaction.createdAt(), interaction.updatedAt());
    }
}
