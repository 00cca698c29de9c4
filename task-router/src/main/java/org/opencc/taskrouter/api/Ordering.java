package org.opencc.taskrouter.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TaskRouter's {@code Ordering} list parameter ({@code DateCreated:asc}, {@code Priority:desc,DateCreated:asc}),
 * turned into an SQL {@code ORDER BY} list. Only whitelisted fields map to columns, so the result is safe to splice.
 */
public final class Ordering {
    private Ordering() {}

    /**
     * @param fields TaskRouter field name to SQL column, e.g. {@code DateCreated -> t.date_created}
     * @param fallback the ORDER BY list when the parameter is absent
     * @return an ORDER BY list, always ending with {@code tieBreak} so pages are stable
     */
    public static String orderBy(Form query, String name, Map<String, String> fields, String fallback,
            String tieBreak) {
        String raw = query.optional(name).orElse(null);
        if (raw == null || raw.isBlank()) {
            return fallback + ", " + tieBreak;
        }
        List<String> parts = new ArrayList<>();
        for (String item : raw.split(",")) {
            String[] fieldAndDirection = item.trim().split(":");
            String column = fields.get(fieldAndDirection[0]);
            String direction = fieldAndDirection.length > 1 ? fieldAndDirection[1] : "asc";
            if (column == null || fieldAndDirection.length > 2
                    || !(direction.equals("asc") || direction.equals("desc"))) {
                throw TwilioErrors.invalid(name, "must be a list of " + String.join("|", fields.keySet())
                        + ":asc|desc");
            }
            parts.add(column + " " + direction.toUpperCase(java.util.Locale.ROOT));
        }
        return String.join(", ", parts) + ", " + tieBreak;
    }
}
