package io.nqpf.advisor.api.security;

import io.netty.util.NetUtil;
import io.nqpf.advisor.config.AdvisorConfig;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Who sent a request: the peer of the connection, unless that peer is one of the configured trusted proxies
 * ({@code advisor.http.trusted-proxies}); then the rightmost address of {@code X-Forwarded-For} that is not itself a
 * trusted proxy. Entries left of it were written by whoever the proxy talked to and may be forged, so they are never
 * believed. The peer is read from the connection, so Quarkus' own proxy forwarding, if enabled, cannot change it.
 */
@ApplicationScoped
public class ClientAddress {

    /** An address range: the first {@code bits} bits of {@code address}. */
    record Range(byte[] address, int bits) {

        static Range parse(String text) {
            String t = text.trim();
            int slash = t.indexOf('/');
            byte[] address = literal(slash < 0 ? t : t.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("advisor.http.trusted-proxies: '" + text
                        + "' is not an IP address or a CIDR range (host names are not looked up)");
            }
            int bits = slash < 0 ? address.length * 8 : Integer.parseInt(t.substring(slash + 1));
            if (bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException("advisor.http.trusted-proxies: '" + text + "' has a bad prefix length");
            }
            return new Range(address, bits);
        }

        boolean contains(byte[] other) {
            if (other == null || other.length != address.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (other[i] != address[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (other[whole] & mask) == (address[whole] & mask);
        }
    }

    private final List<Range> trusted;

    @Inject
    public ClientAddress(AdvisorConfig config) {
        this(config.http().trustedProxies().orElse(List.of()));
    }

    ClientAddress(List<String> trustedProxies) {
        List<Range> ranges = new ArrayList<>();
        trustedProxies.stream().filter(s -> !s.isBlank()).forEach(s -> ranges.add(Range.parse(s)));
        this.trusted = List.copyOf(ranges);
    }

    public String of(HttpServerRequest request) {
        SocketAddress peer = request.connection() != null ? request.connection().remoteAddress() : request.remoteAddress();
        String address = peer == null ? null : peer.hostAddress();
        if (address == null) {
            return "unknown";
        }
        return resolve(address, request.headers().getAll("X-Forwarded-For"));
    }

    /** The client, given the connection's peer and the X-Forwarded-For headers in the order received. */
    String resolve(String peer, List<String> forwardedFor) {
        if (!isTrusted(peer) || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        forwardedFor.forEach(h -> hops.addAll(Arrays.asList(h.split(","))));
        String nearest = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hostOf(hops.get(i).trim());
            if (hop == null) {
                // written by the trusted proxy nearest to it, but not an address: the client is that proxy's peer,
                // unknown; count it as that proxy so that it cannot pose as anyone else
                return nearest;
            }
            if (!isTrusted(hop)) {
                return hop;
            }
            nearest = hop;
        }
        return nearest;
    }

    private boolean isTrusted(String address) {
        byte[] bytes = literal(address);
        return bytes != null && trusted.stream().anyMatch(r -> r.contains(bytes));
    }

    /** The address of an X-Forwarded-For entry ({@code a.b.c.d}, {@code a.b.c.d:port}, {@code [v6]:port}, {@code v6}). */
    private static String hostOf(String entry) {
        String host = entry;
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            host = end < 0 ? host : host.substring(1, end);
        } else if (host.indexOf(':') > 0 && host.indexOf(':') == host.lastIndexOf(':')) {
            host = host.substring(0, host.indexOf(':'));
        }
        byte[] bytes = literal(host);
        return bytes == null ? null : NetUtil.bytesToIpAddress(bytes);
    }

    /** The bytes of an IP literal, IPv4-mapped IPv6 addresses as IPv4; null for anything else (never a DNS look-up). */
    static byte[] literal(String text) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(text);
        if (bytes != null && bytes.length == 16 && isV4Mapped(bytes)) {
            return Arrays.copyOfRange(bytes, 12, 16);
        }
        return bytes;
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xFF && b[11] == (byte) 0xFF;
    }
}
