package org.opencc.support.consumer;

import java.util.Optional;
import org.opencc.contracts.DomainEvent;

/**
 * A record as a consumer sees it: the CloudEvents envelope and the decoded event, if this version of the
 * contracts knows its type.
 */
public record InboundEvent(String id, String type, String source, String subject, String traceparent,
        Optional<DomainEvent> event) {}
