package org.webrtcscratch.turn.transport;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.webrtcscratch.turn.allocation.AllocationManager;
import org.webrtcscratch.turn.server.TurnHandler;
import org.webrtcscratch.turn.server.TurnStats;

/**
 * The sockets of a STUN/TURN server: a UDP and a TCP listener on every listen address, all on one port, TLS
 * listeners on a port of their own when asked, and the event loops that read the UDP sockets and the relay
 * ports. Built around a {@link TurnHandler}, which holds the protocol; this only moves bytes.
 */
public final class TurnTransports implements AutoCloseable {

    /** Tries at finding a port free for UDP and TCP on every address when asked for any port. */
    private static final int FREE_PORT_ATTEMPTS = 20;

    private final List<UdpListener> udp;
    private final List<TcpListener> tcp;
    private final List<TcpListener> tls;
    private final EventLoops loops;
    private final InstantSource clock;

    private TurnTransports(List<UdpListener> udp, List<TcpListener> tcp, List<TcpListener> tls, EventLoops loops,
            InstantSource clock) {
        this.udp = List.copyOf(udp);
        this.tcp = List.copyOf(tcp);
        this.tls = List.copyOf(tls);
        this.loops = loops;
        this.clock = clock;
    }

    /**
     * Binds UDP and TCP on {@code port} of every address, and TLS on its own port when asked, and starts serving.
     *
     * @param port    0 picks one port that is free for UDP and TCP on every address
     * @param threads event loops, each with a UDP socket on every address and a share of the relay ports
     * @param clock   the time TCP connections are idle by ({@link #closeIdle})
     * @param tls     TURN over TLS, on every address too, sharing the TCP limits with plain TCP
     * @throws IOException when an address or the port cannot be bound, or another process holds the port
     *                     ({@link PortProbe}); nothing stays open then
     */
    public static TurnTransports start(int port, List<InetAddress> addresses, int threads, TurnHandler handler,
            AllocationManager allocations, TurnStats stats, TcpLimits tcpLimits, InstantSource clock,
            Optional<TlsListening> tls) throws IOException {
        if (port != 0) {
            PortProbe.requireFree(port, addresses);
        }
        if (tls.isPresent() && tls.get().port() != 0) {
            PortProbe.requireFreeTcp(tls.get().port(), addresses);
        }
        EventLoops loops = new EventLoops(threads, stats);
        ClientTraffic traffic = new ClientTraffic(handler, allocations, loops, stats);
        TcpShared tcpShared = TcpShared.of(traffic, allocations, tcpLimits, stats, clock);
        TurnTransports plain = startPlain(port, addresses, loops, traffic, tcpShared, clock);
        if (tls.isEmpty()) {
            return plain;
        }
        try {
            return new TurnTransports(plain.udp, plain.tcp, bindTls(addresses, tls.get(), tcpShared), loops, clock);
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    /** A TLS listener on every address, on one port. */
    private static List<TcpListener> bindTls(List<InetAddress> addresses, TlsListening tls, TcpShared shared)
            throws IOException {
        for (int attempt = 1; ; attempt++) {
            List<TcpListener> bound = new ArrayList<>();
            try {
                int port = tls.port();
                for (InetAddress address : addresses) {
                    TcpListener listener = TcpListener.bind(new InetSocketAddress(address, port), shared,
                            Optional.of(tls.context()));
                    bound.add(listener);
                    port = listener.localAddress().getPort();
                }
                return bound;
            } catch (IOException | RuntimeException e) {
                bound.forEach(TcpListener::close);
                if (!(e instanceof BindException) || tls.port() != 0 || attempt == FREE_PORT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static TurnTransports startPlain(int port, List<InetAddress> addresses, EventLoops loops,
            ClientTraffic traffic, TcpShared tcpShared, InstantSource clock) throws IOException {
        for (int attempt = 1; ; attempt++) {
            List<UdpListener> udp = new ArrayList<>();
            List<TcpListener> tcp = new ArrayList<>();
            try {
                int bound = port;
                for (InetAddress address : addresses) {
                    UdpListener listener = UdpListener.bind(new InetSocketAddress(address, bound), loops, traffic);
                    udp.add(listener);
                    bound = listener.localAddress().getPort();
                    tcp.add(TcpListener.bind(new InetSocketAddress(address, bound), tcpShared, Optional.empty()));
                }
                return new TurnTransports(udp, tcp, List.of(), loops, clock);
            } catch (IOException | RuntimeException e) {
                udp.forEach(UdpListener::close);
                tcp.forEach(TcpListener::close);
                if (!(e instanceof BindException) || port != 0 || attempt == FREE_PORT_ATTEMPTS) {
                    loops.close();
                    throw e;
                }
            }
        }
    }

    /** The port every listener is on. */
    public int port() {
        return udp.get(0).localAddress().getPort();
    }

    public List<InetSocketAddress> udpAddresses() {
        return udp.stream().map(UdpListener::localAddress).toList();
    }

    public List<InetSocketAddress> tcpAddresses() {
        return tcp.stream().map(TcpListener::localAddress).toList();
    }

    /** Where TURN over TLS listens; empty without TLS. */
    public List<InetSocketAddress> tlsAddresses() {
        return tls.stream().map(TcpListener::localAddress).toList();
    }

    /** Closes the TCP and TLS connections that have been idle without an allocation for the idle timeout. */
    public void closeIdle() {
        long now = clock.millis();
        tcp.forEach(listener -> listener.closeIdle(now));
        tls.forEach(listener -> listener.closeIdle(now));
    }

    /** Stops listening, closes every TCP and TLS connection and stops the loops. */
    @Override
    public void close() {
        udp.forEach(UdpListener::close);
        tcp.forEach(TcpListener::close);
        tls.forEach(TcpListener::close);
        loops.close();
    }
}
