package org.opencc.compliance.decision;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opencc.compliance.policy.ConsentModel;
import org.opencc.compliance.policy.Jurisdiction;
import org.opencc.compliance.policy.Policy;
import org.opencc.contracts.Channel;

/**
 * The governing rule, without I/O: each party's number is under its country's entry plus its subdivision's
 * entry (an unknown subdivision: every entry of the country), and the conversation is under the strictest of
 * all of them. Recording needs every one of them to allow the channel and the region to hold every one's
 * residency zone; an uncovered country or a non-geographic number is not recorded.
 */
final class RecordingRules {
    /** The last reason of a decision not to record. */
    static final String NOT_RECORDED = "not recorded";

    private RecordingRules() {}

    /**
     * The outcome of one decision.
     *
     * @param consent the consent recording needs, null when not recording
     * @param announcement the text to play, null when not recording or none is configured
     */
    record Outcome(boolean record, ConsentModel consent, String announcement, List<PartyJurisdiction> jurisdictions,
            List<String> reasons) {}

    static Outcome decide(Policy policy, Channel channel, String region, PartyLocation from, PartyLocation to) {
        List<String> reasons = new ArrayList<>();
        List<Jurisdiction> fromRules = applicable(policy, "from", from, reasons);
        List<Jurisdiction> toRules = applicable(policy, "to", to, reasons);
        List<PartyJurisdiction> parties = List.of(party("from", from, fromRules), party("to", to, toRules));
        boolean record = !fromRules.isEmpty() && !toRules.isEmpty();
        List<Jurisdiction> all = new ArrayList<>(fromRules);
        toRules.stream().filter(j -> !all.contains(j)).forEach(all::add);

        ConsentModel consent = strictest(all);
        if (consent != null) {
            reasons.add("governing rule: the strictest of both parties' jurisdictions: " + consent.value() + " ("
                    + String.join(", ", all.stream().filter(j -> j.consent() == consent).map(Jurisdiction::code)
                            .toList()) + ")");
        }
        for (Jurisdiction j : all) {
            if (!j.recording().get(channel)) {
                record = false;
                reasons.add("recording " + channel.value() + " is not allowed in " + j.code());
            }
        }
        Set<String> held = policy.regions().get(region);
        Set<String> zones = new LinkedHashSet<>();
        all.forEach(j -> zones.add(j.residency()));
        for (String zone : zones) {
            if (!held.contains(zone)) {
                record = false;
                reasons.add("region " + region + " may not hold data of residency zone " + zone);
            }
        }
        if (!record) {
            reasons.add(NOT_RECORDED);
            return new Outcome(false, null, null, parties, reasons);
        }
        return new Outcome(true, consent, announcement(all, consent), parties, reasons);
    }

    private static List<Jurisdiction> applicable(Policy policy, String party, PartyLocation location,
            List<String> reasons) {
        if (location.country() == null) {
            reasons.add(party + ": a non-geographic number, under no jurisdiction's rules");
            return List.of();
        }
        List<Jurisdiction> entries = policy.ofCountry(location.country());
        if (entries.isEmpty()) {
            reasons.add(party + ": the policy has no rules for " + location.country());
            return List.of();
        }
        String country = location.country();
        if (location.subdivision() != null) {
            List<Jurisdiction> rules = new ArrayList<>();
            rules.add(entries.get(0));
            policy.find(country, location.subdivision()).ifPresent(rules::add);
            reasons.add(party + ": " + country + "-" + location.subdivision() + areaCode(location) + ", rules of "
                    + String.join(" and ", rules.stream().map(Jurisdiction::code).toList()));
            return rules;
        }
        if (entries.size() > 1) {
            ConsentModel strictest = strictest(entries);
            reasons.add(party + ": " + country + ", subdivision unknown" + areaCode(location)
                    + ": the strictest rule of " + country + " applies (" + strictest.value() + ")");
            return entries;
        }
        reasons.add(party + ": " + country + ", rules of " + country);
        return entries;
    }

    private static PartyJurisdiction party(String party, PartyLocation location, List<Jurisdiction> rules) {
        return new PartyJurisdiction(party, location.country(), location.subdivision(), strictest(rules),
                rules.stream().map(Jurisdiction::code).toList());
    }

    private static ConsentModel strictest(List<Jurisdiction> rules) {
        ConsentModel strictest = null;
        for (Jurisdiction j : rules) {
            strictest = strictest == null ? j.consent() : strictest.stricter(j.consent());
        }
        return strictest;
    }

    // the strictest jurisdiction's own announcement first (a subdivision's before its country's), else any
    private static String announcement(List<Jurisdiction> all, ConsentModel consent) {
        List<Jurisdiction> ordered = new ArrayList<>();
        all.stream().filter(j -> j.consent() == consent && j.subdivision() != null).forEach(ordered::add);
        all.stream().filter(j -> j.consent() == consent && j.subdivision() == null).forEach(ordered::add);
        all.stream().filter(j -> j.consent() != consent).forEach(ordered::add);
        return ordered.stream().map(Jurisdiction::announcement).filter(a -> a != null).findFirst().orElse(null);
    }

    private static String areaCode(PartyLocation location) {
        return location.areaCode() == null ? "" : " (area code " + location.areaCode() + ")";
    }
}
