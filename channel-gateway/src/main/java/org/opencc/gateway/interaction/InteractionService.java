package org.opencc.gateway.interaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.opencc.support.problem.ProblemException;

/** Reads interactions for supervisors' and admins' tools. */
@ApplicationScoped
public class InteractionService {
    private final InteractionRepository interactions;

    public InteractionService(InteractionRepository interactions) {
        this.interactions = interactions;
    }

    @Transactional
    public Interaction get(String id) {
        return interactions.find(id).orElseThrow(() -> ProblemException.notFound("Interaction " + id));
    }
}
