package org.opencc.compliance.decision;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /v1/recording-decisions}.
 *
 * @param from the calling party's number, E.164
 * @param to the called party's number, E.164
 * @param channel {@code voice}, {@code sms}, {@code whatsapp} or {@code chat}
 * @param region the deployment region that would hold the recording; one of the policy's regions
 * @param customerKey optional: the customer's pseudonymous key ({@code ck_…}); when given, the customer's consent
 *     records count: if their latest recording consent event is a revocation, the conversation is not recorded
 */
public record RecordingDecisionRequest(String from, String to, String channel, String region,
        @JsonProperty("customer_key") String customerKey) {}
