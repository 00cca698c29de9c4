package org.opencc.compliance.decision;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * Body of a decision: whether to record, what to announce, and why.
 *
 * @param decisionId {@code RD} + 32 hex; put it on the interaction
 * @param record whether the conversation may be recorded
 * @param announcement the announcement to play before recording, null when none (or not recording)
 * @param consentRequired {@code none} (not recording), {@code one-party} or {@code all-party}
 * @param policyVersion the version of the policy file the decision was taken under
 * @param jurisdictions each party's jurisdiction
 * @param reasons how the decision was reached, one step a line
 * @param decidedAt when it was taken
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RecordingDecisionResponse(String decisionId, boolean record, String announcement,
        String consentRequired, String policyVersion, List<PartyJurisdiction> jurisdictions, List<String> reasons,
        Instant decidedAt) {}
