package org.opencc.compliance.erasure;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.opencc.support.erasure.PersonalData;

/**
 * What compliance-service itself holds about customers when an erasure request reaches it as a consumer of
 * {@code cc.compliance.v1}: recording decisions keep countries and subdivisions, never numbers; the audit trail
 * keeps ids and, for context reads, the pseudonymous customer key, which stays because the trail is append-only,
 * hash-chained evidence (the key alone names no one once the other services have erased their link to it).
 * Nothing here is erased today; a table that stores identifiers must be added here. Retention purges
 * ({@code retention.purge.requested}) purge nothing here yet either (the default {@code purge}, 0): the audit chain
 * cannot drop old entries without a verified checkpoint (README "What comes next"), and a legal hold names data the
 * other services hold.
 */
@ApplicationScoped
public class CompliancePersonalData implements PersonalData {
    @Override
    public long erase(List<String> customerKeys) {
        return 0;
    }
}
