package org.opencc.taskrouter.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;

/**
 * Who called a TaskRouter path, as {@link BasicAuthFilter} authenticated it: the account (HTTP Basic) or an admin
 * token may do everything, an agent token acts for {@code workerSid} only.
 */
public record RouterCaller(String subject, boolean agent, String workerSid) {
    static final String PROPERTY = RouterCaller.class.getName();

    public static RouterCaller account(String accountSid) {
        return new RouterCaller(accountSid, false, null);
    }

    /** The caller of the current request; empty outside TaskRouter paths. */
    public static Optional<RouterCaller> of(ContainerRequestContext request) {
        return Optional.ofNullable((RouterCaller) request.getProperty(PROPERTY));
    }
}
