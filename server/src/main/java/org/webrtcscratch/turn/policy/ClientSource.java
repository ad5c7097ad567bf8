package org.webrtcscratch.turn.policy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Who a client is, for limits per source: its IPv4 address, or its IPv6 /64, since one host usually holds a
 * whole /64 and could otherwise take a fresh address for every attempt. An IPv4-mapped IPv6 address is its
 * IPv4 address.
 */
public final class ClientSource {

    private static final int IPV6_SOURCE_PREFIX_BYTES = 8;

    private ClientSource() {
    }

    /** The address that stands for every address of {@code client}'s source. */
    public static InetAddress of(InetAddress client) {
        InetAddress plain = EmbeddedIpv4.unmap(client);
        if (plain instanceof Inet4Address) {
            return plain;
        }
        byte[] prefix = Arrays.copyOf(Arrays.copyOf(plain.getAddress(), IPV6_SOURCE_PREFIX_BYTES), 16);
        try {
            return InetAddress.getByAddress(prefix);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16-byte address refused", e);
        }
    }
}
