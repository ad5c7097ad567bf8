package org.webrtcscratch.turn.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.webrtcscratch.net.FiveTuple;
import org.webrtcscratch.net.UdpEventLoop;
import org.webrtcscratch.turn.allocation.Allocation;
import org.webrtcscratch.turn.allocation.Dropped;
import org.webrtcscratch.turn.allocation.PeerToClient;
import org.webrtcscratch.turn.allocation.UdpRelayPort;
import org.webrtcscratch.turn.server.PeerDataFraming;
import org.webrtcscratch.turn.server.TurnStats;

/**
 * The UDP side of the server: a few {@link UdpEventLoop}s, each one platform thread on one selector, that read
 * the listening sockets and the relay ports. Each loop owns one of the listening sockets bound together with
 * SO_REUSEPORT, and the relay ports of the allocations made through it, so a datagram is read, handled and
 * relayed on one thread: client to peer (RFC 8656 §11.2, §12.6) and peer to client (§11.3, §12.5) without
 * handing packets between threads. Peer data is read {@link PeerDataFraming#HEADROOM} bytes into the loop's
 * direct buffer and framed in place. A closed relay port (its allocation went) drops out of its selector.
 */
final class EventLoops implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventLoops.class);
    /**
     * Datagrams read from a listening socket before the others get their turn. Many clients share one, so
     * several datagrams are often waiting, and reading on until the socket is empty saves selector rounds.
     */
    private static final int LISTENER_BATCH = 32;
    /** How often an idle loop wakes up to free the relay ports of allocations that went. */
    private static final Duration RELEASE_DELAY = Duration.ofSeconds(1);
    /** The largest UDP payload, so no datagram is ever cut short. */
    private static final int MAX_DATAGRAM = 65_535;

    private final UdpEventLoop[] loops;
    private final TurnStats stats;
    private final AtomicInteger next = new AtomicInteger();

    EventLoops(int threads, TurnStats stats) {
        this.stats = stats;
        loops = new UdpEventLoop[threads];
        for (int i = 0; i < threads; i++) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(PeerDataFraming.HEADROOM + MAX_DATAGRAM
                    + PeerDataFraming.TAILROOM);
            loops[i] = new UdpEventLoop("turn-loop-" + i, buffer, RELEASE_DELAY);
        }
    }

    int size() {
        return loops.length;
    }

    /** Has loop {@code index} read the listening socket {@code channel} and hand what arrives to {@code traffic}. */
    void listen(int index, DatagramChannel channel, ClientTraffic traffic) throws IOException {
        InetSocketAddress local = (InetSocketAddress) channel.getLocalAddress();
        loops[index].register(channel, new Listener(channel, local, traffic));
    }

    /**
     * Starts passing what reaches {@code allocation}'s relay port on to {@code client}: on the calling loop when
     * the Allocate came in over UDP, else on the next loop in turn.
     */
    void relay(Allocation allocation, ClientSink client) {
        if (!(allocation.relayPort() instanceof UdpRelayPort port)) {
            throw new IllegalArgumentException("relay needs a UdpRelayPort, got " + allocation.relayPort());
        }
        UdpEventLoop loop = null;
        for (UdpEventLoop candidate : loops) {
            if (candidate.isCurrentThread()) {
                loop = candidate;
            }
        }
        if (loop == null) {
            loop = loops[Math.floorMod(next.getAndIncrement(), loops.length)];
        }
        try {
            loop.register(port.channel(), new Route(allocation, client, stats));
        } catch (ClosedChannelException e) {
            // The allocation went before its first peer datagram: nothing to relay.
            LOG.debug("relay port of {} closed before registration", allocation);
        } catch (IOException e) {
            LOG.warn("cannot relay for {}: {}", allocation, e.toString());
        }
    }

    @Override
    public void close() {
        for (UdpEventLoop loop : loops) {
            loop.close();
        }
    }

    /** A listening socket and where its datagrams go; answers leave through the same socket. */
    private record Listener(DatagramChannel channel, InetSocketAddress localAddress, ClientTraffic traffic)
            implements ReturnPath, UdpEventLoop.Reader {

        @Override
        public ClientSink to(FiveTuple client) {
            return new UdpClientSink(channel, client.client());
        }

        /** Reads on until the socket is empty or the batch is done (see {@link #LISTENER_BATCH}). */
        @Override
        public void read(DatagramChannel socket, ByteBuffer buffer) throws IOException {
            for (int i = 0; i < LISTENER_BATCH; i++) {
                buffer.clear();
                InetSocketAddress client = (InetSocketAddress) socket.receive(buffer);
                if (client == null) {
                    return;
                }
                buffer.flip();
                traffic.onMessage(buffer, new FiveTuple(client, localAddress, FiveTuple.Transport.UDP), this);
            }
        }
    }

    /** A relay port's allocation and the client its data goes to. */
    private record Route(Allocation allocation, ClientSink client, TurnStats stats) implements UdpEventLoop.Reader {

        /**
         * One datagram per wake-up: a relay port serves one client, so it rarely holds two, and reading on until
         * it is empty would cost a second, empty receive per datagram; the selector (level-triggered) reports the
         * port again when more is waiting. Peer data is read {@link PeerDataFraming#HEADROOM} bytes in, to be
         * framed in place.
         */
        @Override
        public void read(DatagramChannel channel, ByteBuffer buffer) throws IOException {
            buffer.clear().position(PeerDataFraming.HEADROOM).limit(PeerDataFraming.HEADROOM + MAX_DATAGRAM);
            InetSocketAddress peer = (InetSocketAddress) channel.receive(buffer);
            if (peer != null) {
                toClient(buffer, peer, buffer.position() - PeerDataFraming.HEADROOM);
            }
        }

        private void toClient(ByteBuffer buffer, InetSocketAddress peer, int length) {
            switch (allocation.routeFromPeer(peer, length)) {
                case PeerToClient.ViaChannel channel ->
                        PeerDataFraming.channelData(buffer, length, channel.channelNumber(), client.isStream());
                case PeerToClient.ViaDataIndication indication -> PeerDataFraming.dataIndication(buffer, length, peer);
                case Dropped dropped -> {
                    stats.countDrop(dropped.reason());
                    return;
                }
            }
            client.send(buffer);
            stats.countRelayed(TurnStats.Direction.TO_CLIENT, length);
            allocation.traffic().toClient(length);
        }
    }
}
