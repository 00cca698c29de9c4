package org.opencc.gateway;

import java.util.List;
import java.util.Map;

/** What the fake Twilio REST API of {@link FakeTwilioResource} received, and failures to inject. */
public final class FakeTwilio {
    /** {@code %test.cc.gateway.twilio-account-sid}. */
    public static final String ACCOUNT_SID = "AC0000000000000000000000000000test";
    public static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    /** One request as the fake recorded it. */
    public record Call(String method, String path, String authorization, Map<String, String> form) {}

    private FakeTwilio() {}

    /** Every Messages API request addressed to {@code to}, oldest first (numbers are fresh per test). */
    public static List<Call> messagesTo(String to) {
        return calls().stream().filter(c -> c.path().endsWith("/Messages.json") && to.equals(c.form().get("To")))
                .toList();
    }

    /** The next request is answered with {@code status} and Twilio's error JSON. */
    public static void failNext(int status) {
        FakeTwilioResource.api().failNext(status);
    }

    private static List<Call> calls() {
        return FakeTwilioResource.api().requests().stream()
                .map(r -> new Call(r.method(), r.path(), r.authorization(), r.form())).toList();
    }
}
