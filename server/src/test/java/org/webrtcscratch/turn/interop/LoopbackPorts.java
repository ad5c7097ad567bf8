package org.webrtcscratch.turn.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Free ports for programs that cannot be told to pick their own (turnutils_peer, coturn). A port found
 * here can be taken by someone else before the program binds it; on a test machine that is rare enough.
 */
final class LoopbackPorts {

    /** Tries before giving up on finding a port free for both UDP and TCP. */
    private static final int ATTEMPTS = 50;

    private LoopbackPorts() {
    }

    /** A UDP port free on {@code address} right now. */
    static int freeUdpPort(InetAddress address) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(address, 0))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free UDP port on " + address, e);
        }
    }

    /** A port free for both UDP and TCP on {@code address} (a STUN/TURN listener takes both). */
    static int freeUdpAndTcpPort(InetAddress address) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, 0));
                 ServerSocket tcp = new ServerSocket()) {
                tcp.bind(new InetSocketAddress(address, udp.getLocalPort()));
                return udp.getLocalPort();
            } catch (IOException portTakenForTcp) {
                // the next attempt gets another UDP port
            }
        }
        throw new IllegalStateException("no port free for both UDP and TCP on " + address + " in "
                + ATTEMPTS + " attempts");
    }

    /** Whether this machine can bind a UDP socket on ::1 (IPv6 can be off, e.g. in a container). */
    static boolean ipv6LoopbackWorks() {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("::1"), 0))) {
            return socket.getLocalPort() > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
