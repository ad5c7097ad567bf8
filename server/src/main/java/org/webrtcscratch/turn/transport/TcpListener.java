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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.webrtcscratch.net.Backoff;
import org.webrtcscratch.net.FiveTuple;
import org.webrtcscratch.net.LogThrottle;
import org.webrtcscratch.turn.server.TcpIncident;

/**
 * STUN/TURN over TCP, or TLS over TCP ({@code turns:}), on one address and port (RFC 8656 §3.1: client to server
 * over TCP or TLS, relayed over UDP). One
 * platform thread accepts; each connection is a {@link TcpConnection} on virtual threads, which differs from
 * UDP only in cutting the byte stream into messages. A source that holds {@link TcpLimits#connectionsPerSource}
 * connections has the next one closed at once. Closing the listener closes its connections.
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
    private final TcpShared shared;
    private final Optional<SSLContext> tls;
    private final Set<TcpConnection> connections = ConcurrentHashMap.newKeySet();

    private TcpListener(ServerSocketChannel server, InetSocketAddress localAddress, TcpShared shared,
            Optional<SSLContext> tls) {
        this.server = server;
        this.localAddress = localAddress;
        this.shared = shared;
        this.tls = tls;
    }

    /** Binds {@code address} (port 0: a free one) and starts accepting. */
    static TcpListener bind(InetSocketAddress address, TcpShared shared, Optional<SSLContext> tls)
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
        TcpListener listener = new TcpListener(server, (InetSocketAddress) server.getLocalAddress(), shared, tls);
        Thread.ofPlatform().name((tls.isPresent() ? "turn-tls-" : "turn-tcp-") + listener.localAddress.getPort())
                .daemon()
                .start(listener::acceptLoop);
        return listener;
    }

    InetSocketAddress localAddress() {
        return localAddress;
    }

    /** Accepts until closed; a failed accept waits ({@link Backoff}) and is logged at most every 10 s. */
    private void acceptLoop() {
        Backoff backoff = new Backoff(FIRST_RETRY, LAST_RETRY);
        LogThrottle throttle = new LogThrottle(LOG_INTERVAL);
        while (server.isOpen()) {
            try {
                SocketChannel channel = server.accept();
                backoff.succeeded();
                accepted(channel);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                shared.stats().countTcpIncident(TcpIncident.ACCEPT_FAILED);
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

    /** Starts serving {@code channel}, or closes it at once when its source holds its share of connections. */
    private void accepted(SocketChannel channel) throws IOException {
        InetSocketAddress client = (InetSocketAddress) channel.getRemoteAddress();
        if (!shared.perSource().tryAdd(client.getAddress())) {
            LOG.debug("closing {}: its address holds {} TCP connections", client,
                    shared.limits().connectionsPerSource());
            shared.stats().countTcpIncident(TcpIncident.OVER_SOURCE_CAP);
            Sockets.closeQuietly(channel);
            return;
        }
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            FiveTuple fiveTuple = new FiveTuple(client, (InetSocketAddress) channel.getLocalAddress(),
                    tls.isPresent() ? FiveTuple.Transport.TLS : FiveTuple.Transport.TCP);
            StreamIo io = tls.isPresent() ? StreamIo.tls(channel, tls.get()) : StreamIo.plain(channel);
            TcpConnection connection = shared.connect(io, fiveTuple, this::closed);
            connections.add(connection);
            connection.start();
        } catch (IOException | RuntimeException e) {
            shared.perSource().remove(client.getAddress());
            Sockets.closeQuietly(channel);
            throw e;
        }
    }

    private void closed(TcpConnection connection) {
        connections.remove(connection);
        shared.perSource().remove(connection.fiveTuple().client().getAddress());
    }

    /** Closes the connections idle without an allocation ({@link TcpConnection#closeIfIdle}). */
    void closeIdle(long nowMillis) {
        connections.forEach(connection -> connection.closeIfIdle(nowMillis));
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
