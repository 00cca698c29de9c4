package org.opencc.context.status;

/**
 * What this service is and what it will do next, for operators checking a deployment.
 *
 * @param service the {@code quarkus.application.name}
 * @param stage how far the service is built
 * @param next the capability that comes next
 */
public record ServiceStatus(String service, String stage, String next) {}
