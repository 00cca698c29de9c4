package org.opencc.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.opencc.reporting.journey.EventLog;
import org.opencc.support.erasure.PersonalData;

/**
 * The one customer datum reporting-service keeps is the pseudonymous customer key some events carry
 * ({@code interaction.created}, {@code context.*}, {@code consent.*}), in {@code event_log} (column and payload).
 * An erasure removes it there; the journey stays, no longer linkable to the customer. The live views and interval
 * facts are keyed by task, queue, worker and interaction ids only (see {@code db/migration}). A column that ever
 * holds a customer key must be erased here.
 */
@ApplicationScoped
public class ReportingPersonalData implements PersonalData {
    private final EventLog log;

    public ReportingPersonalData(EventLog log) {
        this.log = log;
    }

    @Override
    public long erase(List<String> customerKeys) {
        return log.eraseCustomerKeys(customerKeys);
    }
}
