package org.webrtcscratch.turn.transport;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.util.List;

/**
 * Checks that nobody holds the STUN/TURN port before the listeners bind it. They bind with SO_REUSEPORT (a UDP
 * socket per event loop, and 0.0.0.0 beside ::), which the kernel grants to any other socket of the same user
 * that asks for it too: a second server started on the same port would share it silently, each getting about
 * half the clients and failing the allocations made through the other. Binding once without SO_REUSEPORT, and
 * letting go, fails when any socket holds the port.
 */
final class PortProbe {

    private PortProbe() {
    }

    /**
     * @throws BindException naming the protocol, address and port that something else holds
     */
    static void requireFree(int port, List<InetAddress> addresses) throws IOException {
        for (InetAddress address : addresses) {
            probe("UDP", DatagramChannel.open(family(address)), address, port);
        }
        requireFreeTcp(port, addresses);
    }

    /** As {@link #requireFree}, for TCP alone (the TLS port). */
    static void requireFreeTcp(int port, List<InetAddress> addresses) throws IOException {
        for (InetAddress address : addresses) {
            probe("TCP", ServerSocketChannel.open(family(address)), address, port);
        }
    }

    private static StandardProtocolFamily family(InetAddress address) {
        return address instanceof Inet4Address ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
    }

    private static void probe(String protocol, NetworkChannel channel, InetAddress address, int port)
            throws IOException {
        try (channel) {
            channel.bind(new InetSocketAddress(address, port));
        } catch (BindException e) {
            BindException named = new BindException(protocol + " port " + port + " on " + address.getHostAddress()
                    + " is in use by another process (another STUN/TURN server, or this one started twice?): "
                    + e.getMessage());
            named.initCause(e);
            throw named;
        }
    }
}
