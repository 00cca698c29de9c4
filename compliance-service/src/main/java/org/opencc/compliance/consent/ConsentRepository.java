package org.opencc.compliance.consent;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** The {@code consent_record} and {@code consent_revocation} tables, through plain JDBC on the caller's transaction. */
@ApplicationScoped
public class ConsentRepository {
    private static final String RECORD_COLUMNS = "id, interaction_id, customer_key, scope, method, granted,"
            + " captured_by, captured_by_role, worker_sid, captured_at, policy_version, algorithm, key_id, signature";
    private static final String REVOCATION_COLUMNS = "consent_id, method, revoked_by, revoked_by_role, worker_sid,"
            + " revoked_at, policy_version, algorithm, key_id, signature";

    private final AgroalDataSource dataSource;

    public ConsentRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void insert(ConsentRecord r) {
        String sql = "INSERT INTO consent_record (" + RECORD_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, r.consentId());
            insert.setString(2, r.interactionId());
            insert.setString(3, r.customerKey());
            insert.setString(4, r.scope());
            insert.setString(5, r.method());
            insert.setBoolean(6, r.granted());
            insert.setString(7, r.capturedBy());
            insert.setString(8, r.capturedByRole());
            insert.setString(9, r.workerSid());
            insert.setObject(10, r.capturedAt().atOffset(ZoneOffset.UTC));
            insert.setString(11, r.policyVersion());
            insert.setString(12, r.algorithm());
            insert.setString(13, r.keyId());
            insert.setString(14, r.signature());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store consent record " + r.consentId(), e);
        }
    }

    /**
     * Stores a revocation.
     *
     * @return false when the consent has one already (the primary key is the last guard against a second)
     */
    public boolean insertRevocation(ConsentRevocation v) {
        String sql = "INSERT INTO consent_revocation (" + REVOCATION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (consent_id) DO NOTHING";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, v.consentId());
            insert.setString(2, v.method());
            insert.setString(3, v.revokedBy());
            insert.setString(4, v.revokedByRole());
            insert.setString(5, v.workerSid());
            insert.setObject(6, v.revokedAt().atOffset(ZoneOffset.UTC));
            insert.setString(7, v.policyVersion());
            insert.setString(8, v.algorithm());
            insert.setString(9, v.keyId());
            insert.setString(10, v.signature());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the revocation of consent " + v.consentId(), e);
        }
    }

    /**
     * A consent record as stored.
     *
     * @param lock whether to lock the row until the transaction ends (a revocation: two at once queue up)
     */
    public Optional<ConsentRecord> find(String consentId, boolean lock) {
        return one("SELECT " + RECORD_COLUMNS + " FROM consent_record WHERE id = ?" + (lock ? " FOR UPDATE" : ""),
                consentId, rs -> new ConsentRecord(rs.getString("id"), rs.getString("interaction_id"),
                        rs.getString("customer_key"), rs.getString("scope"), rs.getString("method"),
                        rs.getBoolean("granted"), rs.getString("captured_by"), rs.getString("captured_by_role"),
                        rs.getString("worker_sid"), instant(rs, "captured_at"), rs.getString("policy_version"),
                        rs.getString("algorithm"), rs.getString("key_id"), rs.getString("signature")),
                "consent record " + consentId);
    }

    /** The consent's revocation, when it has one. */
    public Optional<ConsentRevocation> revocation(String consentId) {
        return one("SELECT " + REVOCATION_COLUMNS + " FROM consent_revocation WHERE consent_id = ?", consentId,
                rs -> new ConsentRevocation(rs.getString("consent_id"), rs.getString("method"),
                        rs.getString("revoked_by"), rs.getString("revoked_by_role"), rs.getString("worker_sid"),
                        instant(rs, "revoked_at"), rs.getString("policy_version"), rs.getString("algorithm"),
                        rs.getString("key_id"), rs.getString("signature")),
                "the revocation of consent " + consentId);
    }

    /** Maps one row. */
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** The one row {@code sql} finds for {@code id}, if any. */
    private <T> Optional<T> one(String sql, String id, RowMapper<T> mapper, String what) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, id);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + what, e);
        }
    }

    /**
     * The customer's latest event about a consent of the scope: a capture or a revocation, whichever happened last
     * (a revocation first when both share the instant: when in doubt, do not record).
     */
    public Optional<LatestConsent> latest(String customerKey, String scope) {
        String sql = "SELECT consent_id, revoked, at FROM ("
                + " SELECT id AS consent_id, false AS revoked, captured_at AS at FROM consent_record"
                + " WHERE customer_key = ? AND scope = ?"
                + " UNION ALL"
                + " SELECT r.consent_id, true, r.revoked_at FROM consent_revocation r"
                + " JOIN consent_record c ON c.id = r.consent_id WHERE c.customer_key = ? AND c.scope = ?"
                + ") e ORDER BY at DESC, revoked DESC LIMIT 1";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, customerKey);
            query.setString(2, scope);
            query.setString(3, customerKey);
            query.setString(4, scope);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(new LatestConsent(rs.getString("consent_id"), rs.getBoolean("revoked"),
                        instant(rs, "at"))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a customer's latest consent", e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * A customer's latest consent event of one scope.
     *
     * @param consentId the consent it is about
     * @param revoked true: the consent's revocation; false: its capture
     * @param at when it happened
     */
    public record LatestConsent(String consentId, boolean revoked, Instant at) {}
}
