package org.opencc.compliance.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.opencc.compliance.policy.DataClass;
import org.opencc.compliance.policy.Jurisdiction;
import org.opencc.compliance.policy.Policy;

/**
 * The cutoffs of one data class under a policy, at one instant: data created before a cutoff has outlived its
 * retention. Per country: the shortest {@code retention_days} of the class among the country's entries (the
 * country-wide one and every subdivision: a purge request does not know a customer's subdivision, so the strictest
 * entry of the country rules). The default, for a customer whose country is unknown or not in the policy: the
 * shortest of the class among all entries. A day is 24 hours.
 *
 * @param defaultCutoff {@code at} minus the shortest retention of the class in the policy
 * @param countryCutoffs by ISO 3166 alpha-2 country: {@code at} minus the country's shortest retention; every
 *     country of the policy, sorted
 */
public record RetentionCutoffs(Instant defaultCutoff, Map<String, Instant> countryCutoffs) {

    public static RetentionCutoffs of(Policy policy, DataClass dataClass, Instant at) {
        TreeMap<String, Integer> days = new TreeMap<>();
        for (Jurisdiction j : policy.jurisdictions()) {
            days.merge(j.country(), j.retentionDays().get(dataClass), Math::min);
        }
        int shortest = days.values().stream().mapToInt(Integer::intValue).min()
                .orElseThrow(() -> new IllegalStateException("a policy without jurisdictions"));
        TreeMap<String, Instant> cutoffs = new TreeMap<>();
        days.forEach((country, d) -> cutoffs.put(country, at.minus(Duration.ofDays(d))));
        return new RetentionCutoffs(at.minus(Duration.ofDays(shortest)), Collections.unmodifiableMap(cutoffs));
    }
}
