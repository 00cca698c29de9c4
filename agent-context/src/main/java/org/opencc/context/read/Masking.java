package org.opencc.context.read;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Masks sensitive members for agents: a member whose name (case-insensitively) is listed is replaced, wherever it
 * appears in the document, by {@code ****} and, for a value of at least 8 characters (card numbers, IBANs), its last
 * four, which is what PCI DSS lets an agent see. Objects and arrays under a sensitive name are masked whole.
 */
final class Masking {
    static final String MASK = "****";
    private final Set<String> names;

    /** @param names the sensitive member names, lower case */
    Masking(Set<String> names) {
        this.names = Set.copyOf(names);
    }

    /**
     * A masked copy of {@code value}; the paths of masked members ({@code customer.card_number},
     * {@code records.billing.cards[].pan}) are added to {@code masked}.
     */
    Object mask(Object value, String path, Collection<String> masked) {
        if (value instanceof Map<?, ?> members) {
            Map<String, Object> copy = new LinkedHashMap<>();
            members.forEach((key, member) -> {
                String name = String.valueOf(key);
                String memberPath = path + "." + name;
                if (names.contains(name.toLowerCase(Locale.ROOT)) && member != null) {
                    copy.put(name, masked(member));
                    masked.add(memberPath);
                } else {
                    copy.put(name, mask(member, memberPath, masked));
                }
            });
            return copy;
        }
        if (value instanceof List<?> items) {
            List<Object> copy = new ArrayList<>(items.size());
            for (Object item : items) {
                copy.add(mask(item, path + "[]", masked));
            }
            return copy;
        }
        return value;
    }

    private static String masked(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return MASK;
        }
        String text = String.valueOf(value);
        return text.length() >= 8 ? MASK + text.substring(text.length() - 4) : MASK;
    }
}
