package org.opencc.compliance.erasure;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.opencc.support.erasure.PersonalData;

/**
 * What compliance-service itself holds about customers when an erasure request reaches it as a consumer of
 * {@code cc.compliance.v1}: recording decisions keep countries and subdivisions, never numbers; the audit trail
 * keeps ids and, for context reads, the pseudonymous customer key, which stays because the trail is append-only,
 * hash-chained evidence (the key alone names no one once the other services have erased their link to it).
 * Nothing here is erased today; a table that stores identifiers must be added here.
 */
@ApplicationScoped
public class CompliancePersonalData implements PersonalData {
    @Override
    public long erase(List<String> customerKeys) {
        return 0;
    }
}
