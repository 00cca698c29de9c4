package org.opencc.testsupport.twilio;

import com.twilio.http.TwilioRestClient;

/** The official Twilio SDK client, pointed at one of our services. */
public final class TwilioClients {
    private TwilioClients() {}

    /** A REST client authenticating with {@code accountSid}/{@code authToken} against {@code baseUrl}. */
    public static TwilioRestClient forBaseUrl(String baseUrl, String accountSid, String authToken) {
        return new TwilioRestClient.Builder(accountSid, authToken)
                .accountSid(accountSid)
                .httpClient(new BaseUrlHttpClient(baseUrl))
                .build();
    }
}
