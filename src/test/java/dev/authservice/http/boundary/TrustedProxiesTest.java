package dev.authservice.http.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Whose word on the client's address is taken, and which address that word gives. */
class TrustedProxiesTest {

    private static final TrustedProxies FRONT_ENDS = TrustedProxies.of(List.of("127.0.0.1", "10.0.0.0/8", "fd00::/8"));

    @Test
    void withNoTrustedProxyTheHeadersAreIgnored() {
        assertEquals("127.0.0.1", TrustedProxies.NONE.clientAddress("127.0.0.1", null, "203.0.113.9"));
        assertEquals("127.0.0.1", TrustedProxies.NONE.clientAddress("127.0.0.1", "for=203.0.113.9", null));
    }

    @Test
    void fromAnUntrustedPeerTheHeadersAreIgnored() {
        assertEquals("198.51.100.7", FRONT_ENDS.clientAddress("198.51.100.7", null, "203.0.113.9"));
    }

    @Test
    void theClientIsTheRightMostAddressThatIsNoTrustedProxy() {
        assertEquals("203.0.113.9", FRONT_ENDS.clientAddress("127.0.0.1", null, "203.0.113.9"));
        assertEquals(
                "203.0.113.9",
                FRONT_ENDS.clientAddress("127.0.0.1", null, "1.1.1.1, 203.0.113.9, 10.1.2.3"),
                "the left-most entry is whatever the client wrote");
    }

    @Test
    void forwardedIsReadWithQuotesBracketsAndPorts() {
        assertEquals(
                "2001:db8::1",
                FRONT_ENDS.clientAddress("10.0.0.5", "for=192.0.2.60;proto=http, for=\"[2001:db8::1]:4711\"", null));
        assertEquals("192.0.2.60", FRONT_ENDS.clientAddress("10.0.0.5", "For=\"192.0.2.60:8080\"", null));
    }

    @Test
    void anUnknownOrObfuscatedHopStopsTheWalk() {
        assertEquals("10.0.0.5", FRONT_ENDS.clientAddress("10.0.0.5", "for=unknown", null));
        assertEquals("10.0.0.5", FRONT_ENDS.clientAddress("10.0.0.5", null, "evil.example, 203.0.113.9x"));
    }

    @Test
    void cidrBlocksMatchByPrefix() {
        assertTrue(FRONT_ENDS.trusts("10.255.0.1"));
        assertTrue(FRONT_ENDS.trusts("fd12::1"));
        assertEquals(false, FRONT_ENDS.trusts("11.0.0.1"));
        assertEquals(false, FRONT_ENDS.trusts("127.0.0.2"));
    }

    @Test
    void anEntryThatIsNoAddressIsRefusedWithoutALookup() {
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(List.of("proxy.example.com")));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(List.of("10.0.0.0/33")));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(List.of("10.0.0.0/x")));
    }
}
