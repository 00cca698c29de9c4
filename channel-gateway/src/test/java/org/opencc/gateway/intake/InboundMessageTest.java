package org.opencc.gateway.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.Channel;
import org.opencc.support.problem.FieldError;
import org.opencc.support.problem.ProblemException;

class InboundMessageTest {
    private static final String SID = "SM0123456789abcdef0123456789abcdef";

    private static MultivaluedMap<String, String> form(String from, String to) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("MessageSid", SID);
        form.add("From", from);
        form.add("To", to);
        form.add("Body", "hi");
        return form;
    }

    @Test
    void aWhatsAppSenderMakesAWhatsAppMessageAddressedByItsNumber() {
        InboundMessage message = InboundMessage.parse(form("whatsapp:+447700900123", "whatsapp:+15550100"));

        assertEquals(Channel.WHATSAPP, message.channel());
        assertEquals("+447700900123", message.fromNumber());
        assertEquals("+15550100", message.toNumber());
        assertEquals("GB", message.country());
    }

    @Test
    void aPlainSenderMakesAnSms() {
        assertEquals(Channel.SMS, InboundMessage.parse(form("+4915112345678", "+15550100")).channel());
    }

    @Test
    void twiliosFromCountryWinsOverTheCallingCode() {
        MultivaluedMap<String, String> form = form("+15550100123", "+15550100");
        form.add("FromCountry", "ca");

        assertEquals("CA", InboundMessage.parse(form).country());
    }

    @Test
    void anUnknownCallingCodeHasNoCountry() {
        assertNull(InboundMessage.parse(form("+97150123456", "+15550100")).country());
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        MultivaluedMap<String, String> form = form("15550100", "+15550100");
        form.putSingle("MessageSid", "CA0123456789abcdef0123456789abcdef");

        ProblemException problem = assertThrows(ProblemException.class, () -> InboundMessage.parse(form));

        assertEquals(List.of("MessageSid", "From"), problem.errors().stream().map(FieldError::field).toList());
    }
}
