package org.opencc.taskrouter.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CallbackHostTest {
    @Test
    void keepsHostAndPortOnly() {
        assertEquals("127.0.0.1:8080", CallbackHost.of("http://127.0.0.1:8080/assign?token=secret"));
        assertEquals("crm.example.com", CallbackHost.of("https://user:pass@crm.example.com/hooks/tr#frag"));
        assertEquals("[::1]:9000", CallbackHost.of("http://[::1]:9000/x"));
        assertEquals("crm_host:8080", CallbackHost.of("http://key:secret@crm_host:8080/x?y=z"));
    }

    @Test
    void aUrlWithoutAHostHasNone() {
        assertNull(CallbackHost.of("not a url"));
        assertNull(CallbackHost.of("/relative/path"));
        assertNull(CallbackHost.of(null));
    }
}
