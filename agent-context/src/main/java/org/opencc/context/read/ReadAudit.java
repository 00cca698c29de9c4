package org.opencc.context.read;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.opencc.contracts.context.ContextEvent;
import org.opencc.support.outbox.OutboxWriter;

/**
 * Audits every context read, answered or refused, by writing its {@code context.served} or {@code context.denied}
 * event to the outbox in a transaction of its own, before the answer leaves: a read that was answered is always on
 * {@code cc.context.v1}, where compliance-service chains it into the audit trail.
 */
@ApplicationScoped
public class ReadAudit {
    private final OutboxWriter outbox;

    public ReadAudit(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(ContextEvent event) {
        outbox.append(event);
    }
}
