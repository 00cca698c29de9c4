package org.opencc.support.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, from the verified JWT: subject, roles, and the worker an agent acts for. */
@RequestScoped
public class Caller {
    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String subject() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The {@code worker_sid} claim of an agent's token. */
    public Optional<String> workerSid() {
        return claim(Roles.WORKER_SID_CLAIM);
    }

    public Optional<String> region() {
        return claim(Roles.REGION_CLAIM);
    }

    private Optional<String> claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            return value == null ? Optional.empty() : Optional.of(value.toString().replace("\"", ""));
        }
        return Optional.empty();
    }
}
