package org.webrtcscratch.turn.allocation;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * The address family of a relayed transport address, as REQUESTED-ADDRESS-FAMILY chooses it
 * (RFC 8656 §7.2, §18). An allocation relays to peers of its own family only (§10.2, §12.2: 443).
 */
public enum AddressFamily {
    IPV4,
    IPV6;

    public static AddressFamily of(InetAddress address) {
        return address instanceof Inet4Address ? IPV4 : IPV6;
    }
}
