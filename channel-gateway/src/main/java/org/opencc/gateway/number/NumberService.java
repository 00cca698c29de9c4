package org.opencc.gateway.number;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencc.gateway.phone.E164;
import org.opencc.gateway.problem.ProblemTypes;
import org.opencc.gateway.region.Regions;
import org.opencc.support.ids.Sids;
import org.opencc.support.problem.FieldError;
import org.opencc.support.problem.ProblemException;

/**
 * Maintains which workspace and workflow each of our numbers routes to, and its region: this deployment's, or one of
 * the other regions it is configured with ({@link Regions}).
 */
@ApplicationScoped
public class NumberService {
    private final NumberRepository numbers;
    private final Regions regions;
    private final Clock clock;

    public NumberService(NumberRepository numbers, Regions regions, Clock clock) {
        this.numbers = numbers;
        this.regions = regions;
        this.clock = clock;
    }

    /**
     * Creates or replaces the mapping of {@code e164}; every invalid field is reported at once. The region defaults to
     * this deployment's and must be it or a configured other region.
     */
    @Transactional
    public NumberRepository.Saved put(String e164, NumberRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (!E164.isNumber(e164)) {
            errors.add(new FieldError("e164", "must be an E.164 number such as +15550100"));
        }
        String workspaceSid = request == null ? null : request.workspaceSid();
        String workflowSid = request == null ? null : request.workflowSid();
        String region = request == null || request.region() == null ? regions.own() : request.region();
        String expectedQueueSid = request == null ? null : request.expectedQueueSid();
        if (!Sids.isValid("WS", workspaceSid)) {
            errors.add(new FieldError("workspace_sid", "must be WS followed by 32 lower-case hex digits"));
        }
        if (!Sids.isValid("WW", workflowSid)) {
            errors.add(new FieldError("workflow_sid", "must be WW followed by 32 lower-case hex digits"));
        }
        if (!Regions.NAME.matcher(region).matches()) {
            errors.add(new FieldError("region", "must be 1 to 32 lower-case letters, digits or dashes"));
        } else if (!regions.knows(region)) {
            errors.add(new FieldError("region", regions.describe()));
        }
        if (expectedQueueSid != null && !Sids.isValid("WQ", expectedQueueSid)) {
            errors.add(new FieldError("expected_queue_sid",
                    "must be WQ followed by 32 lower-case hex digits, or be omitted"));
        }
        if (!errors.isEmpty()) {
            throw ProblemTypes.invalid(errors);
        }
        return numbers.upsert(e164, workspaceSid, workflowSid, region, expectedQueueSid, clock.instant());
    }

    @Transactional
    public NumberMapping get(String e164) {
        return lookup(e164).orElseThrow(() -> ProblemException.notFound("Number " + e164));
    }

    /** The mapping of a number, or empty; a malformed number is simply not mapped. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<NumberMapping> lookup(String e164) {
        return E164.isNumber(e164) ? numbers.find(e164) : Optional.empty();
    }

    @Transactional
    public List<NumberMapping> list() {
        return numbers.list();
    }

    @Transactional
    public void delete(String e164) {
        if (!E164.isNumber(e164) || !numbers.delete(e164)) {
            throw ProblemException.notFound("Number " + e164);
        }
    }
}
