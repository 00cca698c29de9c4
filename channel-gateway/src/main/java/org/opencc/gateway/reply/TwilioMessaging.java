package org.opencc.gateway.reply;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import org.opencc.gateway.config.GatewayConfig;

/** Sends messages with Twilio's Messages API through the official SDK; Twilio reports progress to our callback. */
@ApplicationScoped
public class TwilioMessaging {
    /** Where Twilio posts the status of the messages we send, below {@code cc.gateway.public-url}. */
    static final String STATUS_CALLBACK_PATH = "/twilio/messaging/status";

    private final TwilioRestClient client;
    private final URI statusCallback;

    public TwilioMessaging(GatewayConfig config) {
        this.client = new TwilioRestClient.Builder(config.twilioAccountSid(), config.twilioAuthToken())
                .accountSid(config.twilioAccountSid())
                .httpClient(new ApiBaseHttpClient(config.twilioApiBase()))
                .build();
        this.statusCallback = URI.create(config.publicUrl() + STATUS_CALLBACK_PATH);
    }

    /**
     * Asks Twilio to send {@code body}; throws the SDK's exceptions ({@code ApiException} when Twilio answered with
     * an error, {@code ApiConnectionException} when it could not be reached).
     *
     * @param to the customer's address ({@code whatsapp:} prefixed on WhatsApp)
     * @param from our number, prefixed the same way
     * @return Twilio's sid of the message
     */
    @WithSpan("TwilioMessaging.send")
    public String send(String to, String from, String body) {
        Message message = Message.creator(new PhoneNumber(to), new PhoneNumber(from), body)
                .setStatusCallback(statusCallback)
                .create(client);
        return message.getSid();
    }
}
