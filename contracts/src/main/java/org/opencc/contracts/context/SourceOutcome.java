package org.opencc.contracts.context;

/**
 * How one CRM source did in one context read.
 *
 * @param name the configured source name, e.g. {@code orders}
 * @param status {@code ok}, {@code timeout}, {@code error}, {@code not_found}, {@code circuit-open}, {@code stale}
 *     or {@code skipped}
 * @param latencyMs from the start of the read until the source answered or was given up on; 0 from the cache
 * @param ageMs age of a cached answer, null for a live one
 */
public record SourceOutcome(String name, String status, long latencyMs, Long ageMs) {}
