package org.webrtcscratch.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.webrtcscratch.turn.allocation.Allocation;
import org.webrtcscratch.turn.allocation.Dropped;
import org.webrtcscratch.turn.allocation.PeerToClient;
import org.webrtcscratch.turn.allocation.UdpRelayPort;
import org.webrtcscratch.turn.server.PeerDataFraming;
import org.webrtcscratch.turn.server.TurnStats;

/**
 * The peer-to-client half of the relay (RFC 8656 §11.3, §12.5): reads what peers send to relay ports and
 * passes it to each allocation's client, as ChannelData or a Data indication. Relay ports are spread over a
 * few selector threads; each thread reads into one direct buffer, {@link PeerDataFraming#HEADROOM} bytes in,
 * and frames the datagram in place. A closed relay port (its allocation is gone) simply drops out of its
 * selector.
 */
final class PeerRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeerRelay.class);
    /** Datagrams read from one port before the others get their turn. */
    private static final int BATCH = 32;
    /**
     * A relay port closed while registered is only released when its selector next wakes up (the JDK defers
     * the close until the key is deregistered), so an idle selector wakes this often to free the ports of
     * allocations that went.
     */
    private static final long RELEASE_DELAY_MILLIS = 1000;
    /** The largest UDP payload, so no datagram is ever cut short. */
    private static final int MAX_DATAGRAM = 65_535;

    private final Loop[] loops;
    private final AtomicInteger next = new AtomicInteger();

    PeerRelay(int threads, TurnStats stats) {
        loops = new Loop[threads];
        for (int i = 0; i < threads; i++) {
            loops[i] = new Loop(stats, "turn-relay-" + i);
        }
    }

    /** Starts passing what reaches {@code allocation}'s relay port on to {@code client}. */
    void register(Allocation allocation, ClientSink client) {
        if (!(allocation.relayPort() instanceof UdpRelayPort port)) {
            throw new IllegalArgumentException("relay needs a UdpRelayPort, got " + allocation.relayPort());
        }
        loops[Math.floorMod(next.getAndIncrement(), loops.length)].register(port.channel(),
                new Route(allocation, client));
    }

    @Override
    public void close() {
        for (Loop loop : loops) {
            loop.close();
        }
    }

    private record Route(Allocation allocation, ClientSink client) {
    }

    private static final class Loop implements Runnable {

        private final TurnStats stats;
        private final Selector selector;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(
                PeerDataFraming.HEADROOM + MAX_DATAGRAM + PeerDataFraming.TAILROOM);

        Loop(TurnStats stats, String name) {
            this.stats = stats;
            try {
                this.selector = Selector.open();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open a selector for the TURN relay", e);
            }
            Thread.ofPlatform().name(name).daemon().start(this);
        }

        void register(DatagramChannel channel, Route route) {
            try {
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ, route);
                selector.wakeup();
            } catch (IOException e) {
                // Closed already: the allocation went before its first peer datagram. Nothing to relay.
                LOG.debug("relay port of {} closed before registration: {}", route.allocation(), e.toString());
            }
        }

        @Override
        public void run() {
            try {
                while (selector.isOpen()) {
                    selector.select(this::readable, RELEASE_DELAY_MILLIS);
                }
            } catch (ClosedSelectorException e) {
                // close() ended the loop.
            } catch (IOException | RuntimeException e) {
                LOG.error("TURN relay loop {} stopped", Thread.currentThread().getName(), e);
            }
        }

        private void readable(SelectionKey key) {
            Route route = (Route) key.attachment();
            DatagramChannel channel = (DatagramChannel) key.channel();
            try {
                for (int i = 0; i < BATCH; i++) {
                    buffer.clear().position(PeerDataFraming.HEADROOM).limit(PeerDataFraming.HEADROOM + MAX_DATAGRAM);
                    InetSocketAddress peer = (InetSocketAddress) channel.receive(buffer);
                    if (peer == null) {
                        return;
                    }
                    relay(route, peer, buffer.position() - PeerDataFraming.HEADROOM);
                }
            } catch (IOException e) {
                key.cancel();
            }
        }

        private void relay(Route route, InetSocketAddress peer, int length) {
            ClientSink client = route.client();
            switch (route.allocation().routeFromPeer(peer, length)) {
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
        }

        void close() {
            try {
                selector.close();
            } catch (IOException e) {
                LOG.debug("closing relay selector: {}", e.toString());
            }
        }
    }
}
