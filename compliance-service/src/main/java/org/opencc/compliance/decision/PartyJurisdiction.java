package org.opencc.compliance.decision;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.opencc.compliance.policy.ConsentModel;

/**
 * The jurisdiction of one party of a decision.
 *
 * @param party {@code from} or {@code to}
 * @param country the number's country, null for a non-geographic number
 * @param subdivision the number's subdivision when known (US states by area code), else null
 * @param consent the strictest consent model of the policy entries that apply to the party; null when the
 *     policy covers none
 * @param policies the codes of those entries, e.g. {@code ["US","US-CA"]}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PartyJurisdiction(String party, String country, String subdivision, ConsentModel consent,
        List<String> policies) {}
