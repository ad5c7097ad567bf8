package org.webrtcscratch.turn.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Passes datagrams between one client and a server through a socket whose address the test knows, so the
 * test can tell which source address the server saw, and so which XOR-MAPPED-ADDRESS is right, for a
 * client (turnutils_stunclient) that does not say which port it sends from.
 */
final class UdpForwarder implements AutoCloseable {

    private static final int MAX_DATAGRAM = 65_535;

    private final DatagramSocket clientSide;
    private final DatagramSocket serverSide;
    private final AtomicReference<SocketAddress> client = new AtomicReference<>();
    private final Thread toServer;
    private final Thread toClient;

    private UdpForwarder(DatagramSocket clientSide, DatagramSocket serverSide) {
        this.clientSide = clientSide;
        this.serverSide = serverSide;
        this.toServer = Thread.ofVirtual().name("forward-to-server").start(this::forwardToServer);
        this.toClient = Thread.ofVirtual().name("forward-to-client").start(this::forwardToClient);
    }

    /** Forwards to {@code server} from a new socket on the server's own loopback address. */
    static UdpForwarder to(InetSocketAddress server) {
        try {
            DatagramSocket clientSide = new DatagramSocket(new InetSocketAddress(server.getAddress(), 0));
            DatagramSocket serverSide = new DatagramSocket(new InetSocketAddress(server.getAddress(), 0));
            serverSide.connect(server);
            return new UdpForwarder(clientSide, serverSide);
        } catch (SocketException e) {
            throw new UncheckedIOException("cannot open the forwarder's sockets", e);
        }
    }

    /** Where the client sends its requests. */
    int clientSidePort() {
        return clientSide.getLocalPort();
    }

    /** The source address the server sees: what it must map. */
    InetSocketAddress serverSideAddress() {
        return (InetSocketAddress) serverSide.getLocalSocketAddress();
    }

    private void forwardToServer() {
        DatagramPacket packet = new DatagramPacket(new byte[MAX_DATAGRAM], MAX_DATAGRAM);
        while (receive(clientSide, packet)) {
            client.set(packet.getSocketAddress());
            send(serverSide, new DatagramPacket(packet.getData(), packet.getLength()));
        }
    }

    private void forwardToClient() {
        DatagramPacket packet = new DatagramPacket(new byte[MAX_DATAGRAM], MAX_DATAGRAM);
        while (receive(serverSide, packet)) {
            SocketAddress to = client.get();
            if (to != null) {
                send(clientSide, new DatagramPacket(packet.getData(), packet.getLength(), to));
            }
        }
    }

    /** False once the socket is closed: the forwarder is shutting down. */
    private static boolean receive(DatagramSocket socket, DatagramPacket packet) {
        try {
            packet.setLength(MAX_DATAGRAM);
            socket.receive(packet);
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    private static void send(DatagramSocket socket, DatagramPacket packet) {
        try {
            socket.send(packet);
        } catch (IOException e) {
            // A lost datagram, as on any UDP path: the client's own timeout reports it.
            System.err.println("forwarder could not send: " + e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        clientSide.close();
        serverSide.close();
        toServer.join();
        toClient.join();
    }
}
