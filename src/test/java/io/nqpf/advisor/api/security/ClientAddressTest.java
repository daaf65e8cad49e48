package io.nqpf.advisor.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private final ClientAddress behindProxies = new ClientAddress(List.of("10.0.0.0/8", "192.0.2.1", "fd00::/8"));

    @Test
    void withoutTrustedProxiesTheForwardedHeaderIsIgnored() {
        ClientAddress direct = new ClientAddress(List.of());
        assertEquals("198.51.100.9", direct.resolve("198.51.100.9", List.of("127.0.0.1")));
    }

    @Test
    void aForgedLeftmostEntryIsNeverBelieved() {
        // the client wrote "1.2.3.4"; the trusted proxy appended the address it saw
        assertEquals("203.0.113.5", behindProxies.resolve("10.1.2.3", List.of("1.2.3.4, 203.0.113.5")));
        assertEquals("203.0.113.5", behindProxies.resolve("10.1.2.3", List.of("1.2.3.4", "203.0.113.5")));
        // a chain of trusted proxies is walked from the right
        assertEquals("203.0.113.5", behindProxies.resolve("10.1.2.3", List.of("9.9.9.9, 203.0.113.5:4711, 192.0.2.1")));
        assertEquals("2001:db8::1", behindProxies.resolve("fd00::1", List.of("[2001:db8::1]:443")));
    }

    @Test
    void aPeerThatIsNoTrustedProxyIsTheClientWhateverItForwards() {
        assertEquals("203.0.113.5", behindProxies.resolve("203.0.113.5", List.of("10.0.0.1")));
    }

    @Test
    void garbageWrittenByAProxyCountsAsThatProxy() {
        assertEquals("10.1.2.3", behindProxies.resolve("10.1.2.3", List.of("unknown")));
    }

    @Test
    void hostNamesAreRefusedNotLookedUp() {
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of("proxy.example")));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of("10.0.0.0/33")));
    }
}
