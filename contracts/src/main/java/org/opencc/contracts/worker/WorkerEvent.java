package org.opencc.contracts.worker;

import org.opencc.contracts.DomainEvent;
import org.opencc.contracts.Topics;

/** Worker events on {@link Topics#WORKERS}, keyed by worker sid, named as TaskRouter names them. */
public sealed interface WorkerEvent extends DomainEvent permits WorkerActivityUpdated {
    String workerSid();

    String workspaceSid();

    @Override
    default String topic() {
        return Topics.WORKERS;
    }

    @Override
    default String key() {
        return workerSid();
    }
}
