package org.opencc.context.crm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A customer profile as one CRM answered it: the members of its JSON object, passed to the desktop as they are.
 *
 * @param source the {@link CrmSource#name()} that answered
 */
public record Profile(String source, Map<String, Object> attributes) {
    public Profile {
        // keeps the CRM's member order and its null members
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
