package org.opencc.gateway.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PiiMaskTest {

    @Test
    void aPhoneNumberKeepsOnlyItsPlusAndLastTwoDigits() {
        assertEquals("+*********42", PiiMask.phone("+15550100042"));
    }

    @Test
    void aWhatsAppAddressKeepsItsPrefix() {
        assertEquals("whatsapp:+*********42", PiiMask.phone("whatsapp:+15550100042"));
    }

    @Test
    void aMissingAddressIsADash() {
        assertEquals("-", PiiMask.phone(null));
    }

    @Test
    void aShortValueShowsNoMoreThanTwoDigits() {
        assertEquals("12", PiiMask.phone("12"));
        assertEquals("*23", PiiMask.phone("123"));
    }
}
