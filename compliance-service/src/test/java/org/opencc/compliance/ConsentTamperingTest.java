package org.opencc.compliance;

import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencc.support.ids.Sids;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresDatabase;
import org.opencc.testsupport.postgres.PostgresResource;

/**
 * A consent or revocation row edited directly in PostgreSQL no longer verifies, whichever signed column was changed,
 * and a deleted revocation is noticed. Each test works on records of its own and puts back what it changed.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class ConsentTamperingTest {
    private static final String MISMATCH = "consent record: signature does not match the canonical form";

    @Test
    void editingAnySignedColumnOfAConsentIsDetected() throws SQLException {
        String id = Consents.captureRecording(Consents.customerKey());
        String other = Consents.captureRecording(Consents.customerKey());
        Consents.verify(id).body("valid", is(true));

        // column → the edit, and what verification says about it
        Map<String, String[]> edits = new LinkedHashMap<>();
        edits.put("interaction_id", new String[] {"'" + Sids.next("IN") + "'", MISMATCH});
        edits.put("customer_key", new String[] {"'ck_someoneelse'", MISMATCH});
        edits.put("scope", new String[] {"'transcription'", MISMATCH});
        edits.put("method", new String[] {"'web-form'", MISMATCH});
        edits.put("granted", new String[] {"false", MISMATCH});
        edits.put("captured_by", new String[] {"'mallory'", MISMATCH});
        edits.put("captured_by_role", new String[] {"'agent'", MISMATCH});
        edits.put("worker_sid", new String[] {"'" + Sids.next("WK") + "'", MISMATCH});
        edits.put("captured_at", new String[] {"captured_at + interval '1 microsecond'", MISMATCH});
        edits.put("policy_version", new String[] {"'defaults-2025.9'", MISMATCH});
        edits.put("signature", new String[] {"(SELECT signature FROM consent_record WHERE id = '" + other + "')",
                MISMATCH});
        edits.put("key_id", new String[] {"repeat('0', 64)", "consent record: signed with a key this service does"
                + " not trust"});
        edits.put("algorithm", new String[] {"'RSA'", "consent record: unsupported signature algorithm"});

        try (Connection db = PostgresDatabase.connect(AuditChainTest.DATABASE)) {
            for (Map.Entry<String, String[]> edit : edits.entrySet()) {
                String column = edit.getKey();
                execute(db, "CREATE TEMP TABLE kept AS SELECT * FROM consent_record WHERE id = '" + id + "'");
                try {
                    execute(db, "UPDATE consent_record SET " + column + " = " + edit.getValue()[0]
                            + " WHERE id = '" + id + "'");
                    Consents.verify(id).statusCode(200).body("valid", is(false))
                            .body("reason", startsWith(edit.getValue()[1]));
                } finally {
                    execute(db, "UPDATE consent_record c SET " + column + " = k." + column + " FROM kept k"
                            + " WHERE c.id = k.id");
                    execute(db, "DROP TABLE kept");
                }
                Consents.verify(id).body("valid", is(true));
            }
        }
    }

    @Test
    void editingARevocationIsDetected() throws SQLException {
        String id = Consents.captureRecording(Consents.customerKey());
        Consents.revoke(Consents.token("compliance"), id).statusCode(201);
        Consents.verify(id).body("valid", is(true)).body("revocation.valid", is(true));

        Map<String, String> edits = new LinkedHashMap<>();
        edits.put("revoked_at", "revoked_at - interval '1 day'");
        edits.put("revoked_by", "'mallory'");
        edits.put("method", "'keypress'");
        edits.put("policy_version", "'defaults-2025.9'");
        try (Connection db = PostgresDatabase.connect(AuditChainTest.DATABASE)) {
            for (Map.Entry<String, String> edit : edits.entrySet()) {
                String column = edit.getKey();
                execute(db, "CREATE TEMP TABLE kept AS SELECT * FROM consent_revocation WHERE consent_id = '" + id
                        + "'");
                try {
                    execute(db, "UPDATE consent_revocation SET " + column + " = " + edit.getValue()
                            + " WHERE consent_id = '" + id + "'");
                    Consents.verify(id).body("valid", is(false)).body("revocation.valid", is(false))
                            .body("reason", startsWith("revocation: signature does not match the canonical form"));
                } finally {
                    execute(db, "UPDATE consent_revocation r SET " + column + " = k." + column + " FROM kept k"
                            + " WHERE r.consent_id = k.consent_id");
                    execute(db, "DROP TABLE kept");
                }
            }
        }
        Consents.verify(id).body("valid", is(true));
    }

    @Test
    void aDeletedRevocationIsNoticedThroughTheAuditTrail() throws SQLException {
        String id = Consents.captureRecording(Consents.customerKey());
        Consents.revoke(Consents.token("admin"), id).statusCode(201);
        try (Connection db = PostgresDatabase.connect(AuditChainTest.DATABASE)) {
            execute(db, "CREATE TEMP TABLE kept AS SELECT * FROM consent_revocation WHERE consent_id = '" + id + "'");
            execute(db, "DELETE FROM consent_revocation WHERE consent_id = '" + id + "'");
            try {
                Consents.verify(id).body("valid", is(false))
                        .body("reason", startsWith("revocation missing: the audit trail records consent.revoked"));
            } finally {
                execute(db, "INSERT INTO consent_revocation SELECT * FROM kept");
                execute(db, "DROP TABLE kept");
            }
        }
        Consents.verify(id).body("valid", is(true));
    }

    private static void execute(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }
}
