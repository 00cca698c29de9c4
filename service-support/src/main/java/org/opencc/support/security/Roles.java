package org.opencc.support.security;

/** The roles in a JWT's {@code groups} claim (DESIGN.md "Identity"). */
public final class Roles {
    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";
    public static final String COMPLIANCE = "compliance";

    /** Claim naming the TaskRouter worker an agent's token acts for. */
    public static final String WORKER_SID_CLAIM = "worker_sid";
    /** Claim naming the region the caller belongs to. */
    public static final String REGION_CLAIM = "region";

    private Roles() {}
}
