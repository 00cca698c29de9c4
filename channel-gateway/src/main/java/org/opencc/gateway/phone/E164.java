package org.opencc.gateway.phone;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** E.164 phone numbers ({@code +} and 7 to 15 digits) and the channel prefixes Twilio puts before them. */
public final class E164 {
    private static final Pattern NUMBER = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Za-z]{2}");
    /** Twilio's prefix on WhatsApp addresses ({@code whatsapp:+15550100}). */
    public static final String WHATSAPP_PREFIX = "whatsapp:";

    /**
     * Country calling codes we name without asking Twilio. Enough for a fallback when Twilio's
     * {@code FromCountry} is absent; codes of one digit come last so longer codes win.
     */
    private static final List<String[]> CALLING_CODES = List.of(
            new String[] {"44", "GB"}, new String[] {"49", "DE"}, new String[] {"33", "FR"},
            new String[] {"34", "ES"}, new String[] {"39", "IT"}, new String[] {"31", "NL"},
            new String[] {"61", "AU"}, new String[] {"91", "IN"}, new String[] {"81", "JP"},
            new String[] {"55", "BR"}, new String[] {"52", "MX"}, new String[] {"1", "US"});

    private E164() {}

    /** Whether {@code value} is an E.164 number, without any prefix. */
    public static boolean isNumber(String value) {
        return value != null && NUMBER.matcher(value).matches();
    }

    /** Whether {@code value} is an E.164 number, optionally with Twilio's {@code whatsapp:} prefix. */
    public static boolean isAddress(String value) {
        return value != null && isNumber(withoutPrefix(value));
    }

    /** The number of an address: {@code whatsapp:+15550100} → {@code +15550100}. */
    public static String withoutPrefix(String address) {
        return address.startsWith(WHATSAPP_PREFIX) ? address.substring(WHATSAPP_PREFIX.length()) : address;
    }

    /**
     * The ISO 3166 alpha-2 country of a number: Twilio's own answer ({@code FromCountry}) when it gave a
     * two-letter code, else from the calling code table above, else null.
     */
    public static String country(String number, String twilioCountry) {
        if (twilioCountry != null && COUNTRY_CODE.matcher(twilioCountry).matches()) {
            return twilioCountry.toUpperCase(Locale.ROOT);
        }
        if (!isNumber(number)) {
            return null;
        }
        for (String[] code : CALLING_CODES) {
            if (number.startsWith(code[0], 1)) {
                return code[1];
            }
        }
        return null;
    }
}
