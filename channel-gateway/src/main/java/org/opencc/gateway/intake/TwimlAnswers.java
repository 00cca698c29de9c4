package org.opencc.gateway.intake;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.messaging.Body;
import com.twilio.twiml.messaging.Message;
import com.twilio.twiml.messaging.Redirect;

/** The TwiML documents the messaging webhook answers with, built by the Twilio SDK. */
final class TwimlAnswers {
    /** What a customer writing to an unmapped number, or one of a region not served, is told. */
    static final String REFUSAL_TEXT = "Sorry, this number cannot take messages right now.";

    // these two answers are constant: build them once
    private static final String ACCEPTED = new MessagingResponse.Builder().build().toXml();
    private static final String REFUSED = new MessagingResponse.Builder()
            .message(new Message.Builder().body(new Body.Builder(REFUSAL_TEXT).build()).build())
            .build().toXml();

    private TwimlAnswers() {}

    /** An empty {@code <Response/>}: the message is queued for an agent, no auto-reply. */
    static String accepted() {
        return ACCEPTED;
    }

    /** A polite reply that the number takes no messages. */
    static String refused() {
        return REFUSED;
    }

    /**
     * {@code <Redirect method="POST">url</Redirect>}: Twilio posts the message again to {@code url} (another region's
     * webhook), signed for that URL, and follows the TwiML it answers there.
     */
    static String redirect(String url) {
        return new MessagingResponse.Builder()
                .redirect(new Redirect.Builder(url).method(HttpMethod.POST).build())
                .build().toXml();
    }
}
