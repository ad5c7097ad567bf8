package org.webrtcscratch.turn.allocation;

import java.net.InetAddress;
import java.util.Objects;
import org.webrtcscratch.stun.attr.AddressFamily;

/**
 * A local IP address relay sockets bind to, and the address clients and peers see for it. The two differ
 * behind a 1:1 NAT (a cloud VM with a private interface and a public IP): the XOR-RELAYED-ADDRESS of an
 * Allocate response (RFC 8656 §7.3) must be the advertised one.
 */
public record RelayIp(InetAddress bind, InetAddress advertised) {

    public RelayIp {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(advertised, "advertised");
        if (AddressFamily.of(bind) != AddressFamily.of(advertised)) {
            throw new IllegalArgumentException("relay bind address " + bind.getHostAddress()
                    + " and advertised address " + advertised.getHostAddress() + " are of different families");
        }
    }

    /** The same address for binding and advertising (no NAT in front of the server). */
    public static RelayIp of(InetAddress address) {
        return new RelayIp(address, address);
    }

    public AddressFamily family() {
        return AddressFamily.of(bind);
    }
}
