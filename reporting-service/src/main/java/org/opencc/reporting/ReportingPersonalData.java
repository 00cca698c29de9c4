package org.opencc.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.opencc.support.erasure.PersonalData;

/**
 * reporting-service keeps no customer data: its live views and interval facts are keyed by task, queue, worker and
 * interaction ids and carry no customer key, address or text (see {@code db/migration}). It answers erasure
 * requests with nothing erased, so compliance-service can see the request complete everywhere. A column that ever
 * holds a customer key must be erased here.
 */
@ApplicationScoped
public class ReportingPersonalData implements PersonalData {
    @Override
    public long erase(List<String> customerKeys) {
        return 0;
    }
}
