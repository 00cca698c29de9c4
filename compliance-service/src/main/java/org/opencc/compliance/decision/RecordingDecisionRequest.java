package org.opencc.compliance.decision;

/**
 * Body of {@code POST /v1/recording-decisions}.
 *
 * @param from the calling party's number, E.164
 * @param to the called party's number, E.164
 * @param channel {@code voice}, {@code sms}, {@code whatsapp} or {@code chat}
 * @param region the deployment region that would hold the recording; one of the policy's regions
 */
public record RecordingDecisionRequest(String from, String to, String channel, String region) {}
