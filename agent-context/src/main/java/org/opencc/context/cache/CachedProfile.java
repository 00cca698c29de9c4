package org.opencc.context.cache;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One source's profile of a task's customer as the context cache keeps it.
 *
 * @param attributes the members of the source's JSON object, in the source's order
 * @param fetchedAt when the source answered it
 */
public record CachedProfile(Map<String, Object> attributes, Instant fetchedAt) {
    public CachedProfile {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
