package org.webrtcscratch.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Guards the listening port against descriptor exhaustion: at most so many TCP connections per remote address
 * (HTTP, TLS and WebSocket alike; one over is closed as soon as it opens), and a deadline for a new
 * connection's first request headers, which also bounds the TLS handshake before them (slowloris held
 * connections open forever by sending a header line now and then). Told by Jetty of every connection that
 * opens and closes; counts the TCP connection once, by the connection that sits on the socket itself.
 */
final class ConnectionGuard implements Connection.Listener {

    private final int maxPerAddress;
    private final Duration headerTimeout;
    private final boolean limitLoopback;
    private final Scheduler scheduler;
    private final ConcurrentMap<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final ConcurrentMap<Connection, InetAddress> counted = new ConcurrentHashMap<>();
    private final LongAdder refused = new LongAdder();
    private final LongAdder timedOut = new LongAdder();

    ConnectionGuard(int maxPerAddress, Duration headerTimeout, boolean limitLoopback, Scheduler scheduler) {
        this.maxPerAddress = maxPerAddress;
        this.headerTimeout = headerTimeout;
        this.limitLoopback = limitLoopback;
        this.scheduler = scheduler;
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection http) {
            scheduler.schedule(() -> closeIfNoHeaders(http), headerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        EndPoint endPoint = connection.getEndPoint();
        if (!(endPoint instanceof SocketChannelEndPoint)
                || !(endPoint.getRemoteSocketAddress() instanceof InetSocketAddress remote)
                || remote.getAddress() == null || remote.getAddress().isLoopbackAddress() && !limitLoopback) {
            return;
        }
        InetAddress address = remote.getAddress();
        counted.put(connection, address);
        int open = perAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
        if (open > maxPerAddress) {
            refused.increment();
            endPoint.close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress address = counted.remove(connection);
        if (address != null) {
            perAddress.computeIfPresent(address, (a, open) -> open.decrementAndGet() == 0 ? null : open);
        }
    }

    /** Still the socket's connection (not upgraded) and not one request's headers in: the client stalls. */
    private void closeIfNoHeaders(HttpConnection http) {
        EndPoint endPoint = http.getEndPoint();
        if (endPoint.isOpen() && endPoint.getConnection() == http && http.getMessagesIn() == 0) {
            timedOut.increment();
            endPoint.close();
        }
    }

    /** Connections closed at once because their address had its maximum open. */
    long refusedPerAddress() {
        return refused.sum();
    }

    /** Connections closed because their first request's headers did not arrive in time. */
    long headerTimeouts() {
        return timedOut.sum();
    }
}
