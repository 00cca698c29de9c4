package org.opencc.launcher;

import java.util.List;
import org.opencc.testsupport.jwt.JwtMinter;

/**
 * {@code token ROLE [WORKER_SID]}: prints a development JWT (valid one hour) signed with the key pair under
 * {@code .suite/keys}, created on first use. Agents need the worker they act as.
 */
final class TokenCommand implements Command {
    /** The roles the services know (service-support's {@code Roles}). */
    static final List<String> ROLES = List.of("agent", "supervisor", "admin", "compliance");

    @Override
    public String usage() {
        return "agent|supervisor|admin|compliance [WORKER_SID]";
    }

    @Override
    public int run(List<String> args) throws Exception {
        if (args.isEmpty() || args.size() > 2) {
            throw LauncherException.usage("expected ROLE [WORKER_SID]");
        }
        String role = args.get(0);
        if (!ROLES.contains(role)) {
            throw LauncherException.usage("unknown role '" + role + "' (one of " + String.join(", ", ROLES) + ")");
        }
        String workerSid = args.size() == 2 ? args.get(1) : null;
        if ("agent".equals(role) && workerSid == null) {
            throw LauncherException.usage("an agent token needs the worker it acts as: a WK… SID, or alice/bob "
                    + "for the demo workers (./suite token agent alice)");
        }
        if (workerSid != null && !workerSid.matches("WK[0-9a-f]{32}")) {
            throw LauncherException.usage("not a worker SID (WK + 32 hex): " + workerSid);
        }
        System.out.println(mint(role, workerSid));
        return 0;
    }

    /** A token for the development user of {@code role}; subject {@code dev-<role>}. */
    static String mint(String role, String workerSid) throws java.io.IOException {
        JwtMinter minter = JwtMinter.fromDirectory(Settings.keysDir(), Settings.ISSUER);
        String subject = "dev-" + role;
        return minter.token(subject, List.of(role), workerSid);
    }
}
