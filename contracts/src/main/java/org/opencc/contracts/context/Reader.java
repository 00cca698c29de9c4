package org.opencc.contracts.context;

/**
 * The caller of a context read, from its verified token.
 *
 * @param subject the token's {@code sub} (the agent's or supervisor's login, not a customer's data)
 * @param role the role the read was allowed (or refused) under: {@code agent}, {@code supervisor} or {@code admin}
 * @param workerSid the worker the token names ({@code worker_sid} claim), null if none
 */
public record Reader(String subject, String role, String workerSid) {}
