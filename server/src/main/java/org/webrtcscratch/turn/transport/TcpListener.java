package org.webrtcscratch.turn.transport;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.webrtcscratch.net.Backoff;
import org.webrtcscratch.net.FiveTuple;
import org.webrtcscratch.net.LogThrottle;
import org.webrtcscratch.turn.allocation.AllocationManager;
import org.webrtcscratch.turn.server.TcpIncident;
import org.webrtcscratch.turn.server.TurnStats;

/**
 * STUN/TURN over TCP on one address and port (RFC 8656 §3.1: client to server over TCP, relayed over UDP). One
 * platform thread accepts; each connection is a {@link TcpConnection} on virtual threads, which differs from
 * UDP only in cutting the byte stream into messages. Closing the listener closes its connections.
 */
final class TcpListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TcpListener.class);
    private static final int BACKLOG = 1024;
    /** Waits after a failed accept: out of descriptors, nothing but a closing connection helps. */
    private static final Duration FIRST_RETRY = Duration.ofMillis(10);
    private static final Duration LAST_RETRY = Duration.ofSeconds(1);
    private static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

    private final ServerSocketChannel server;
    private final InetSocketAddress localAddress;
    private final Set<TcpConnection> connections = ConcurrentHashMap.newKeySet();

    private TcpListener(ServerSocketChannel server, InetSocketAddress localAddress) {
        this.server = server;
        this.localAddress = localAddress;
    }

    /** Binds {@code address} (port 0: a free one) and starts accepting. */
    static TcpListener bind(InetSocketAddress address, ClientTraffic traffic, AllocationManager allocations,
            TurnStats stats) throws IOException {
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
                .start(() -> listener.acceptLoop(traffic, allocations, stats));
        return listener;
    }

    InetSocketAddress localAddress() {
        return localAddress;
    }

    /** Accepts until closed; a failed accept waits ({@link Backoff}) and is logged at most every 10 s. */
    private void acceptLoop(ClientTraffic traffic, AllocationManager allocations, TurnStats stats) {
        Backoff backoff = new Backoff(FIRST_RETRY, LAST_RETRY);
        LogThrottle throttle = new LogThrottle(LOG_INTERVAL);
        while (server.isOpen()) {
            try {
                SocketChannel channel = server.accept();
                backoff.succeeded();
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
                stats.countTcpIncident(TcpIncident.ACCEPT_FAILED);
                Duration wait = backoff.failed();
                int skipped = throttle.admit(System.nanoTime());
                if (skipped != LogThrottle.SKIP) {
                    LOG.warn("TCP listener {} cannot accept ({}); retrying in {} ms ({} more failures not logged)",
                            localAddress, e.toString(), wait.toMillis(), skipped);
                }
                if (!sleep(wait)) {
                    return;
                }
            }
        }
    }

    private static boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        Sockets.closeQuietly(server);
        connections.forEach(TcpConnection::close);
    }
}
