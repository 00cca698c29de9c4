package org.opencc.compliance.retention;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one retention run did.
 *
 * @param at when it ran: the instant the cutoffs count back from
 * @param policyVersion the policy in force
 * @param requested by data class ({@code recordings}, …), the purge requested
 * @param skipped the data classes whose previous purge is still incomplete: nothing new was requested for them
 */
public record RetentionRun(Instant at, String policyVersion, Map<String, String> requested, List<String> skipped) {}
