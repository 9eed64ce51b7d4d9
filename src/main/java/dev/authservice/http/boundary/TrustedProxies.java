package dev.authservice.http.boundary;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The front ends whose word on the client's address is taken (auth.http.trusted-proxies: addresses
 * and CIDR blocks). A request from one of them names its client in Forwarded (RFC 7239) or
 * X-Forwarded-For; each proxy on the way appends the address it saw, so the client is the right-most
 * entry that is not itself a trusted proxy. From any other peer, those headers are ignored: anyone
 * can write them.
 */
public final class TrustedProxies {

    /** Only IP literals: a host name here would make every request wait for a DNS lookup. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private static final Pattern FORWARDED_FOR = Pattern.compile("(?i)(?:^|[;,\\s])for\\s*=\\s*(\"[^\"]*\"|[^;,\\s]*)");

    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** The configured entries, or an IllegalArgumentException naming the first that is no address or block. */
    public static TrustedProxies of(List<String> entries) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : entries) {
            if (!entry.isBlank()) {
                blocks.add(Block.parse(entry.strip()));
            }
        }
        return new TrustedProxies(blocks);
    }

    /** The client's address: the peer's own, unless the peer is a trusted proxy that names another. */
    public String clientAddress(String peer, String forwarded, String xForwardedFor) {
        if (blocks.isEmpty() || !trusts(peer)) {
            return peer;
        }
        List<String> chain =
                forwarded != null ? forwardedFor(forwarded) : xForwardedFor != null ? list(xForwardedFor) : List.of();
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = chain.get(i);
            if (address(hop) == null) {
                // "unknown", an obfuscated name, garbage: nothing further left can be trusted.
                return peer;
            }
            if (!trusts(hop)) {
                return hop;
            }
        }
        return chain.isEmpty() ? peer : chain.get(0);
    }

    boolean trusts(String address) {
        InetAddress parsed = address(address);
        return parsed != null && blocks.stream().anyMatch(block -> block.contains(parsed));
    }

    private static List<String> list(String xForwardedFor) {
        return Arrays.stream(xForwardedFor.split(",")).map(TrustedProxies::bare).toList();
    }

    private static List<String> forwardedFor(String forwarded) {
        return FORWARDED_FOR
                .matcher(forwarded)
                .results()
                .map(m -> bare(m.group(1)))
                .toList();
    }

    /** An address without quotes, brackets or port: "[2001:db8::1]:4711" is 2001:db8::1. */
    static String bare(String node) {
        String value = node.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? value : value.substring(1, end);
        }
        int colon = value.indexOf(':');
        return colon >= 0 && value.indexOf(':', colon + 1) < 0 ? value.substring(0, colon) : value;
    }

    private static InetAddress address(String literal) {
        if (literal == null || !IP_LITERAL.matcher(literal).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }

    private record Block(byte[] network, int prefixBits) {

        static Block parse(String entry) {
            int slash = entry.indexOf('/');
            InetAddress address = address(slash < 0 ? entry : entry.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR block");
            }
            int bits = address.getAddress().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("'" + entry + "' has no prefix length from 0 to " + bits);
                }
            }
            return new Block(address.getAddress(), prefix);
        }

        boolean contains(InetAddress candidate) {
            byte[] bytes = candidate.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefixBits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
