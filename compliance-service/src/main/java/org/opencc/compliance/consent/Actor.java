package org.opencc.compliance.consent;

import org.opencc.support.security.Caller;
import org.opencc.support.security.Roles;

/**
 * Who captures or revokes, as signed: the token's subject, the role it acts under (the strongest it holds of
 * {@code admin}, {@code compliance}, {@code agent}) and, for an agent, its worker.
 *
 * @param subject the JWT subject
 * @param role {@code admin}, {@code compliance} or {@code agent}
 * @param workerSid the {@code worker_sid} claim when acting as an agent, else null
 */
public record Actor(String subject, String role, String workerSid) {
    /** The caller as an actor; only the endpoints' roles reach here. */
    public static Actor of(Caller caller) {
        if (caller.hasRole(Roles.ADMIN)) {
            return new Actor(caller.subject(), Roles.ADMIN, null);
        }
        if (caller.hasRole(Roles.COMPLIANCE)) {
            return new Actor(caller.subject(), Roles.COMPLIANCE, null);
        }
        return new Actor(caller.subject(), Roles.AGENT, caller.workerSid().orElse(null));
    }

    boolean isAgent() {
        return Roles.AGENT.equals(role);
    }
}
