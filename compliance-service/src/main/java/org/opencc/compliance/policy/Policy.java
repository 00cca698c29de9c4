package org.opencc.compliance.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One deployment's recording policy, as loaded and validated from its policy file.
 *
 * @param version the file's version, stored with every decision taken under it
 * @param regions the deployment regions a decision may name, each with the residency zones it may hold data of
 * @param jurisdictions every country entry and subdivision entry; each subdivision's country has an entry too
 */
public record Policy(String version, Map<String, Set<String>> regions, List<Jurisdiction> jurisdictions) {

    /** Every entry of a country (the country-wide one first), empty when the policy does not cover it. */
    public List<Jurisdiction> ofCountry(String country) {
        return jurisdictions.stream().filter(j -> j.country().equals(country))
                .sorted((a, b) -> a.subdivision() == null ? -1 : b.subdivision() == null ? 1 : 0).toList();
    }

    /** The entry of exactly this country and subdivision (null subdivision: the country-wide entry). */
    public Optional<Jurisdiction> find(String country, String subdivision) {
        return jurisdictions.stream().filter(j -> j.country().equals(country)
                && (subdivision == null ? j.subdivision() == null : subdivision.equals(j.subdivision()))).findFirst();
    }
}
