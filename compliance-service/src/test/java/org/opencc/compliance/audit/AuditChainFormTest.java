package org.opencc.compliance.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The canonical forms: v1 unchanged for entries without a reader (all those before V5), v2 for context reads. */
class AuditChainFormTest {
    private static final String TASK = "WT0123456789abcdef0123456789abcdef";
    private static final String DETAIL = "{\"fields\": [\"customer.name\"], \"read_id\": \"CX01\"}";

    @Test
    void anEntryWithoutActorRoleOrDetailHashesExactlyAsBeforeV5() {
        AuditEntry entry = entry(null, null);

        // computed from README's v1 form (and by AuditChain as it was before V5), not by this code
        assertEquals("e196301cadc234eb3996498710f1fdc988fe19813e2887a420226b71da2caa93",
                AuditChain.hash(42, entry, AuditChain.GENESIS));
        String canonical = AuditChain.canonical(42, entry, AuditChain.GENESIS);
        assertTrue(canonical.startsWith("audit-entry/v1\nid=42\n"), canonical);
        assertFalse(canonical.contains("actor_role="), canonical);
        assertFalse(canonical.contains("detail="), canonical);
    }

    @Test
    void anEntryWithAReaderIsHashedInFormV2WithItsRoleAndDetailBeforeThePrevHash() {
        String canonical = AuditChain.canonical(42, entry("agent", DETAIL), AuditChain.GENESIS);

        assertTrue(canonical.startsWith("audit-entry/v2\nid=42\n"), canonical);
        assertTrue(canonical.endsWith("recorded_at=27:2026-01-02T03:04:06.000000Z\n"
                + "actor_role=5:agent\n"
                + "detail=" + DETAIL.length() + ":" + DETAIL + "\n"
                + "prev_hash=" + AuditChain.GENESIS + "\n"), canonical);
        // a detail without a role (or the reverse) is v2 too, with ~ for the missing one
        assertTrue(AuditChain.canonical(42, entry(null, DETAIL), AuditChain.GENESIS).contains("\nactor_role=~\n"));
        assertTrue(AuditChain.canonical(42, entry("agent", null), AuditChain.GENESIS).contains("\ndetail=~\n"));
    }

    @Test
    void changingOrErasingTheRoleOrDetailChangesTheHash() {
        String hash = AuditChain.hash(7, entry("agent", DETAIL), AuditChain.GENESIS);

        assertNotEquals(hash, AuditChain.hash(7, entry("admin", DETAIL), AuditChain.GENESIS));
        assertNotEquals(hash, AuditChain.hash(7, entry("agent", DETAIL.replace("CX01", "CX02")),
                AuditChain.GENESIS));
        assertNotEquals(hash, AuditChain.hash(7, entry("agent", null), AuditChain.GENESIS));
        assertNotEquals(hash, AuditChain.hash(7, entry(null, null), AuditChain.GENESIS));
    }

    private static AuditEntry entry(String actorRole, String detail) {
        return new AuditEntry("3f1c0d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "cc.tasks.v1", "task.created", TASK,
                "/cc/task-router", actorRole, "IN0123456789abcdef0123456789abcdef", TASK, null, null,
                "4bf92f3577b34da6a3ce929d0e0e4736", Instant.parse("2026-01-02T03:04:05.123456Z"),
                Instant.parse("2026-01-02T03:04:06Z"), detail);
    }
}
