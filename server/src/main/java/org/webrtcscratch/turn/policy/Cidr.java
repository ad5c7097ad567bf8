package org.webrtcscratch.turn.policy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An IP prefix in CIDR notation (RFC 4632 §3.1 for IPv4, RFC 4291 §2.3 for IPv6), e.g. {@code 10.0.0.0/8}
 * or {@code fe80::/10}. The network address must have no bits set past the prefix, so a typo such as
 * {@code 10.0.0.1/8} is refused rather than silently read as {@code 10.0.0.0/8}.
 */
public record Cidr(InetAddress network, int prefixLength) {

    private static final Pattern IPV4_LITERAL = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public Cidr {
        Objects.requireNonNull(network, "network");
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length /" + prefixLength + " is outside 0.." + bits
                    + " for " + network.getHostAddress());
        }
        byte[] masked = mask(network.getAddress(), prefixLength);
        if (!Arrays.equals(masked, network.getAddress())) {
            throw new IllegalArgumentException(network.getHostAddress() + "/" + prefixLength
                    + " has bits set past the prefix; did you mean " + toAddress(masked).getHostAddress()
                    + "/" + prefixLength + "?");
        }
    }

    /**
     * Parses {@code address/prefix}, or a bare address meaning a single host ({@code /32} or {@code /128}).
     * Only numeric literals are accepted; nothing is ever looked up in DNS.
     */
    public static Cidr parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        InetAddress network = parseLiteral(slash < 0 ? trimmed : trimmed.substring(0, slash), text);
        if (slash < 0) {
            return new Cidr(network, network.getAddress().length * 8);
        }
        String prefix = trimmed.substring(slash + 1);
        if (!prefix.matches("\\d{1,3}")) {
            throw new IllegalArgumentException("'" + text + "': prefix length '" + prefix + "' is not a number");
        }
        return new Cidr(network, Integer.parseInt(prefix));
    }

    /** Whether {@code address} lies inside this prefix; addresses of the other family never do. */
    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] net = network.getAddress();
        if (candidate.length != net.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != net[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int byteMask = 0xFF << (8 - remainingBits) & 0xFF;
        return (candidate[fullBytes] & byteMask) == (net[fullBytes] & byteMask);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }

    private static InetAddress parseLiteral(String literal, String whole) {
        var ipv4 = IPV4_LITERAL.matcher(literal);
        if (ipv4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(ipv4.group(i + 1));
                if (octet > 255) {
                    throw new IllegalArgumentException("'" + whole + "': octet " + octet + " is above 255");
                }
                bytes[i] = (byte) octet;
            }
            return toAddress(bytes);
        }
        // A literal with a colon is never resolved through DNS by InetAddress.getByName.
        if (IPV6_LITERAL.matcher(literal).matches()) {
            try {
                return InetAddress.getByName(literal);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("'" + whole + "': '" + literal + "' is not an IPv6 address", e);
            }
        }
        throw new IllegalArgumentException("'" + whole + "' is not an IPv4 or IPv6 address literal");
    }

    private static byte[] mask(byte[] address, int prefixLength) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int bitsHere = Math.clamp(prefixLength - i * 8L, 0, 8);
            masked[i] &= (byte) (0xFF << (8 - bitsHere));
        }
        return masked;
    }

    private static InetAddress toAddress(byte[] bytes) {
        try {
            return bytes.length == 4 ? Inet4Address.getByAddress(bytes) : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of " + bytes.length + " bytes", e);
        }
    }
}
