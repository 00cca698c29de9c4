package org.opencc.gateway.privacy;

/**
 * Masks personal data for log lines: logs must let an operator tell two numbers apart without revealing either.
 */
public final class PiiMask {
    private static final int VISIBLE_DIGITS = 2;

    private PiiMask() {}

    /**
     * A phone address with every digit but the last two replaced by {@code *}; any other character (the
     * {@code +}, a {@code whatsapp:} prefix) stays. {@code "+15550100042"} becomes {@code "+*********42"}.
     */
    public static String phone(String address) {
        if (address == null) {
            return "-";
        }
        int digits = 0;
        for (int i = 0; i < address.length(); i++) {
            if (Character.isDigit(address.charAt(i))) {
                digits++;
            }
        }
        StringBuilder masked = new StringBuilder(address.length());
        int seen = 0;
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (Character.isDigit(c)) {
                seen++;
                masked.append(seen > digits - VISIBLE_DIGITS ? c : '*');
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }
}
