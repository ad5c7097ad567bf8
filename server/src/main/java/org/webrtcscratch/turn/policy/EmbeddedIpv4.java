package org.webrtcscratch.turn.policy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv4 address carried inside an IPv6 one. A peer policy that only looked at the IPv6 form would let
 * {@code ::ffff:127.0.0.1} or {@code 64:ff9b::a00:1} through to a loopback or private IPv4 target, so the
 * policy checks the embedded address too.
 */
public record EmbeddedIpv4(Inet4Address ipv4, Mechanism mechanism) {

    /** How the IPv4 address is carried. */
    public enum Mechanism {
        /** {@code ::ffff:a.b.c.d}: the IPv4 address itself, seen through a dual-stack socket. RFC 4291 §2.5.5.2. */
        MAPPED("IPv4-mapped"),
        /** {@code ::a.b.c.d}: deprecated, RFC 4291 §2.5.5.1. */
        COMPATIBLE("IPv4-compatible"),
        /** {@code 64:ff9b::a.b.c.d}: a NAT64 gateway forwards to the IPv4 address. RFC 6052 §2.1. */
        NAT64("NAT64"),
        /** {@code 2002:AABB:CCDD::/48}: a 6to4 relay forwards to the IPv4 address. RFC 3056 §2. */
        SIX_TO_FOUR("6to4"),
        /** {@code 2001:0::/32}: the last 32 bits are the client's IPv4 address, inverted. RFC 4380 §4. */
        TEREDO("Teredo");

        private final String label;

        Mechanism(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static final byte[] MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};
    private static final byte[] COMPATIBLE_PREFIX = new byte[12];
    private static final byte[] NAT64_PREFIX = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};

    /** The IPv4 address {@code address} carries, if it is an IPv6 address of one of the forms above. */
    public static Optional<EmbeddedIpv4> in(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        if (startsWith(b, MAPPED_PREFIX)) {
            return Optional.of(new EmbeddedIpv4(ipv4(b, 12, 0), Mechanism.MAPPED));
        }
        if (startsWith(b, NAT64_PREFIX)) {
            return Optional.of(new EmbeddedIpv4(ipv4(b, 12, 0), Mechanism.NAT64));
        }
        // :: and ::1 are the unspecified and loopback addresses, not IPv4-compatible ones.
        boolean unspecifiedOrLoopback = b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1);
        if (startsWith(b, COMPATIBLE_PREFIX) && !unspecifiedOrLoopback) {
            return Optional.of(new EmbeddedIpv4(ipv4(b, 12, 0), Mechanism.COMPATIBLE));
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return Optional.of(new EmbeddedIpv4(ipv4(b, 2, 0), Mechanism.SIX_TO_FOUR));
        }
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
            return Optional.of(new EmbeddedIpv4(ipv4(b, 12, 0xFF), Mechanism.TEREDO));
        }
        return Optional.empty();
    }

    /**
     * {@code address} with an IPv4-mapped IPv6 form replaced by the IPv4 address it stands for, so that
     * permissions keyed by peer address match whichever form a socket or decoder produced.
     */
    public static InetAddress unmap(InetAddress address) {
        if (address instanceof Inet6Address && startsWith(address.getAddress(), MAPPED_PREFIX)) {
            return ipv4(address.getAddress(), 12, 0);
        }
        return address;
    }

    private static boolean startsWith(byte[] address, byte[] prefix) {
        return Arrays.equals(address, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static Inet4Address ipv4(byte[] address, int offset, int xor) {
        byte[] v4 = new byte[4];
        for (int i = 0; i < 4; i++) {
            v4[i] = (byte) (address[offset + i] ^ xor);
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4-byte address refused", e);
        }
    }
}
