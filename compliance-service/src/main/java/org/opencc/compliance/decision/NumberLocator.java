package org.opencc.compliance.decision;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Locates an E.164 number with libphonenumber: the country from its metadata (which also tells NANP countries
 * apart by area code: +1 416 is CA, +1 212 is US) and, for the US, the state from {@link UsAreaCodes}. Canada and
 * Australia are located to the country only: the default policy has no subdivision rules there.
 */
final class NumberLocator {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private NumberLocator() {}

    /** The number's location; empty when it is not a valid E.164 number. */
    static Optional<PartyLocation> locate(String e164) {
        if (e164 == null || !E164.matcher(e164).matches()) {
            return Optional.empty();
        }
        PhoneNumber number;
        try {
            number = PHONES.parse(e164, "ZZ");
        } catch (NumberParseException e) {
            return Optional.empty();
        }
        if (!PHONES.isValidNumber(number)) {
            return Optional.empty();
        }
        String region = PHONES.getRegionCodeForNumber(number);
        // "001" is libphonenumber's region of non-geographic numbers: no country's rules are known for them
        String country = region == null || "001".equals(region) ? null : region;
        if ("US".equals(country)) {
            String areaCode = PHONES.getNationalSignificantNumber(number).substring(0, 3);
            return Optional.of(new PartyLocation(country, UsAreaCodes.state(areaCode).orElse(null), areaCode));
        }
        return Optional.of(new PartyLocation(country, null, null));
    }
}
