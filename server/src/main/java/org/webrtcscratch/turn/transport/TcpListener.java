package org.webrtcscratch.turn.transport;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.webrtcscratch.net.FiveTuple;
import org.webrtcscratch.turn.allocation.AllocationManager;

/**
 * STUN/TURN over TCP on one address and port (RFC 8656 §3.1: client to server over TCP, relayed over UDP). One
 * platform thread accepts; each connection is a {@link TcpConnection} on virtual threads, which differs from
 * UDP only in cutting the byte stream into messages. Closing the listener closes its connections.
 */
final class TcpListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TcpListener.class);
    private static final int BACKLOG = 1024;

    private final ServerSocketChannel server;
    private final InetSocketAddress localAddress;
    private final Set<TcpConnection> connections = ConcurrentHashMap.newKeySet();

    private TcpListener(ServerSocketChannel server, InetSocketAddress localAddress) {
        this.server = server;
        this.localAddress = localAddress;
    }

    /** Binds {@code address} (port 0: a free one) and starts accepting. */
    static TcpListener bind(InetSocketAddress address, ClientTraffic traffic, AllocationManager allocations)
            throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(address.getAddress() instanceof Inet4Address
                ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
        try {
            // Lets 0.0.0.0 and :: share the port, as the UDP sockets do.
            Sockets.setIfSupported(server, StandardSocketOptions.SO_REUSEPORT, true);
            server.bind(address, BACKLOG);
        } catch (IOException | RuntimeException e) {
            Sockets.closeQuietly(server);
            throw e;
        }
        TcpListener listener = new TcpListener(server, (InetSocketAddress) server.getLocalAddress());
        Thread.ofPlatform().name("turn-tcp-" + listener.localAddress.getPort()).daemon()
                .start(() -> listener.acceptLoop(traffic, allocations));
        return listener;
    }

    InetSocketAddress localAddress() {
        return localAddress;
    }

    private void acceptLoop(ClientTraffic traffic, AllocationManager allocations) {
        while (server.isOpen()) {
            try {
                SocketChannel channel = server.accept();
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                FiveTuple fiveTuple = new FiveTuple((InetSocketAddress) channel.getRemoteAddress(),
                        (InetSocketAddress) channel.getLocalAddress(), FiveTuple.Transport.TCP);
                TcpConnection connection = new TcpConnection(channel, fiveTuple, traffic, allocations,
                        connections::remove);
                connections.add(connection);
                connection.start();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warn("TCP listener {} kept going after: {}", localAddress, e.toString());
            }
        }
    }

    @Override
    public void close() {
        Sockets.closeQuietly(server);
        connections.forEach(TcpConnection::close);
    }
}
