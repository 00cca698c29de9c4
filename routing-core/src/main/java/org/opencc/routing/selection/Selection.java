package org.opencc.routing.selection;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Outcome of worker selection.
 *
 * @param chosenWorkerSid the worker to reserve: the first of {@code eligibleInOrder}, or empty
 * @param exclusions      every candidate that was not eligible, in candidate order, with its reason
 * @param eligibleInOrder eligible workers, longest idle first
 */
public record Selection(Optional<String> chosenWorkerSid, List<Exclusion> exclusions, List<String> eligibleInOrder) {

    /** Copies the lists; rejects nulls. */
    public Selection {
        Objects.requireNonNull(chosenWorkerSid, "chosenWorkerSid");
        exclusions = List.copyOf(Objects.requireNonNull(exclusions, "exclusions"));
        eligibleInOrder = List.copyOf(Objects.requireNonNull(eligibleInOrder, "eligibleInOrder"));
    }
}
