package org.webrtcscratch.bench.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Free loopback ports, and readiness probes for servers bound to them. */
public final class FreePorts {

    public static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private FreePorts() { }

    /** A port free for both TCP and UDP on 127.0.0.1 right now (the kernel's choice, then checked for UDP). */
    public static int tcpAndUdp() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, LOOPBACK)) {
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(LOOPBACK, port))) {
                    return port;
                } catch (IOException taken) {
                    // that port is busy for UDP: try another
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot bind a loopback port", e);
            }
        }
        throw new IllegalStateException("no port free for both TCP and UDP after 50 attempts");
    }

    /** True when a TCP connection to 127.0.0.1:{@code port} is accepted. */
    public static boolean acceptsTcp(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True when a STUN Binding request to 127.0.0.1:{@code port} gets any datagram back within 200 ms. */
    public static boolean answersUdp(int port) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            socket.setSoTimeout(200);
            byte[] binding = new byte[20];
            java.nio.ByteBuffer.wrap(binding).putShort((short) 0x0001).putShort((short) 0).putInt(0x2112A442).putLong(7);
            socket.send(new java.net.DatagramPacket(binding, binding.length, new InetSocketAddress(LOOPBACK, port)));
            socket.receive(new java.net.DatagramPacket(new byte[1500], 1500));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
