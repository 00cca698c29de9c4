package org.opencc.compliance.policy;

import java.util.Map;
import org.opencc.contracts.Channel;

/**
 * The recording rules of one country, or of one subdivision (state, province) of it, as the policy file states
 * them.
 *
 * @param country ISO 3166-1 alpha-2 code, e.g. {@code US}, {@code GB}
 * @param subdivision the ISO 3166-2 subdivision code without the country, e.g. {@code CA} for California; null
 *     for the country-wide entry
 * @param name a human label, or null
 * @param consent whose consent recording needs
 * @param announcements the recording announcement per locale (BCP 47 tag); may be empty for one-party rules
 * @param announcementLocale the locale whose announcement is played; null when there are none
 * @param recording whether recording (keeping a copy) is allowed, per channel; every channel is present
 * @param retentionDays days each data class is kept; every data class is present
 * @param residency the residency zone (e.g. {@code eu}) whose regions may hold this jurisdiction's data
 */
public record Jurisdiction(String country, String subdivision, String name, ConsentModel consent,
        Map<String, String> announcements, String announcementLocale, Map<Channel, Boolean> recording,
        Map<DataClass, Integer> retentionDays, String residency) {

    /** {@code US} or {@code US-CA}: the ISO 3166 code of the entry. */
    public String code() {
        return subdivision == null ? country : country + "-" + subdivision;
    }

    /** The announcement to play, or null when this jurisdiction has none. */
    public String announcement() {
        return announcementLocale == null ? null : announcements.get(announcementLocale);
    }
}
