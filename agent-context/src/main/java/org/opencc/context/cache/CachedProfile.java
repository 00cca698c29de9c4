package org.opencc.context.cache;

import java.time.Instant;

/**
 * One source's answer as the context cache keeps it.
 *
 * @param value the source's part of the document (a JSON object as a {@code Map}, or any JSON value for records)
 * @param fetchedAt when the source answered it
 */
public record CachedProfile(Object value, Instant fetchedAt) {}
