package org.opencc.gateway.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/** Applies Twilio's status callbacks to outbound messages; a status never replaces a newer one. */
@ApplicationScoped
public class MessageStatusService {
    /** What a callback did. */
    public enum Result { UPDATED, STALE, UNKNOWN_MESSAGE, UNTRACKED_STATUS }

    private final MessageRepository messages;
    private final Clock clock;

    public MessageStatusService(MessageRepository messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional
    public Result apply(String messageSid, String status, Integer errorCode) {
        Optional<Integer> rank = MessageStatus.rank(status);
        if (rank.isEmpty()) {
            return Result.UNTRACKED_STATUS;
        }
        if (messages.advanceStatus(messageSid, status.toLowerCase(Locale.ROOT), rank.get(), errorCode,
                clock.instant())) {
            return Result.UPDATED;
        }
        return messages.findByProviderSid(messageSid).filter(m -> StoredMessage.OUTBOUND.equals(m.direction()))
                .isPresent() ? Result.STALE : Result.UNKNOWN_MESSAGE;
    }
}
