package org.opencc.compliance.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import org.opencc.contracts.EventCodec;
import org.opencc.contracts.compliance.RecordingDecided;

/** The {@code recording_decision} table, through plain JDBC on the caller's transaction. */
@ApplicationScoped
public class RecordingDecisionRepository {
    private static final String INSERT = "INSERT INTO recording_decision (id, channel, region, from_country,"
            + " from_subdivision, to_country, to_subdivision, record, consent_required, announcement,"
            + " policy_version, jurisdictions, reasons, decided_by, decided_at, customer_key, consent_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)";

    private final AgroalDataSource dataSource;

    public RecordingDecisionRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores a decision: its inputs as countries and subdivisions only, never the numbers.
     *
     * @param customerKey the pseudonymous key the request named, or null
     * @param consentId the customer's consent whose latest event counted, or null
     */
    public void insert(RecordingDecisionResponse decision, RecordingDecided event, String decidedBy,
            String customerKey, String consentId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, decision.decisionId());
            insert.setString(2, event.channel());
            insert.setString(3, event.region());
            insert.setString(4, event.fromCountry());
            insert.setString(5, event.fromSubdivision());
            insert.setString(6, event.toCountry());
            insert.setString(7, event.toSubdivision());
            insert.setBoolean(8, decision.record());
            insert.setString(9, decision.consentRequired());
            insert.setString(10, decision.announcement());
            insert.setString(11, decision.policyVersion());
            insert.setString(12, EventCodec.mapper().writeValueAsString(decision.jurisdictions()));
            insert.setString(13, EventCodec.mapper().writeValueAsString(decision.reasons()));
            insert.setString(14, decidedBy);
            insert.setObject(15, decision.decidedAt().atOffset(ZoneOffset.UTC));
            insert.setString(16, customerKey);
            insert.setString(17, consentId);
            insert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot store recording decision " + decision.decisionId(), e);
        }
    }
}
