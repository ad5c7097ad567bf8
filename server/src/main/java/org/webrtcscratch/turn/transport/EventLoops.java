package org.webrtcscratch.turn.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.webrtcscratch.net.FiveTuple;
import org.webrtcscratch.turn.allocation.Allocation;
import org.webrtcscratch.turn.allocation.Dropped;
import org.webrtcscratch.turn.allocation.PeerToClient;
import org.webrtcscratch.turn.allocation.UdpRelayPort;
import org.webrtcscratch.turn.server.PeerDataFraming;
import org.webrtcscratch.turn.server.TurnStats;

/**
 * The UDP side of the server: a few event loops, each one platform thread on one selector, that read the
 * listening sockets and the relay ports. Each loop owns one of the listening sockets bound together with
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
    /**
     * A relay port closed while registered is only released when its selector next wakes up (the JDK defers
     * the close until the key is deregistered), so an idle loop wakes this often to free the ports of
     * allocations that went.
     */
    private static final long RELEASE_DELAY_MILLIS = 1000;
    /** The largest UDP payload, so no datagram is ever cut short. */
    private static final int MAX_DATAGRAM = 65_535;

    private final Loop[] loops;
    private final AtomicInteger next = new AtomicInteger();

    EventLoops(int threads, TurnStats stats) {
        loops = new Loop[threads];
        for (int i = 0; i < threads; i++) {
            loops[i] = new Loop(stats, "turn-loop-" + i);
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
        Loop loop = null;
        for (Loop candidate : loops) {
            if (candidate.isCurrentThread()) {
                loop = candidate;
            }
        }
        if (loop == null) {
            loop = loops[Math.floorMod(next.getAndIncrement(), loops.length)];
        }
        try {
            loop.register(port.channel(), new Route(allocation, client));
        } catch (ClosedChannelException e) {
            // The allocation went before its first peer datagram: nothing to relay.
            LOG.debug("relay port of {} closed before registration", allocation);
        } catch (IOException e) {
            LOG.warn("cannot relay for {}: {}", allocation, e.toString());
        }
    }

    @Override
    public void close() {
        for (Loop loop : loops) {
            loop.close();
        }
    }

    /** A listening socket and where its datagrams go; answers leave through the same socket. */
    private record Listener(DatagramChannel channel, InetSocketAddress localAddress, ClientTraffic traffic)
            implements ReturnPath {

        @Override
        public ClientSink to(FiveTuple client) {
            return new UdpClientSink(channel, client.client());
        }
    }

    /** A relay port's allocation and the client its data goes to. */
    private record Route(Allocation allocation, ClientSink client) {
    }

    private static final class Loop implements Runnable {

        private final TurnStats stats;
        private final Selector selector;
        private final Thread thread;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(
                PeerDataFraming.HEADROOM + MAX_DATAGRAM + PeerDataFraming.TAILROOM);

        Loop(TurnStats stats, String name) {
            this.stats = stats;
            try {
                this.selector = Selector.open();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open a selector for the TURN server", e);
            }
            this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this);
            thread.start();
        }

        boolean isCurrentThread() {
            return Thread.currentThread() == thread;
        }

        void register(DatagramChannel channel, Object attachment) throws IOException {
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ, attachment);
            if (!isCurrentThread()) {
                selector.wakeup();
            }
        }

        @Override
        public void run() {
            try {
                Consumer<SelectionKey> ready = this::ready;
                while (selector.isOpen()) {
                    selector.select(ready, RELEASE_DELAY_MILLIS);
                }
            } catch (ClosedSelectorException e) {
                // close() ended the loop.
            } catch (IOException | RuntimeException e) {
                LOG.error("TURN event loop {} stopped", thread.getName(), e);
            }
        }

        private void ready(SelectionKey key) {
            try {
                switch (key.attachment()) {
                    case Listener listener -> fromClients(listener);
                    case Route route -> fromPeers(route, (DatagramChannel) key.channel());
                    default -> throw new IllegalStateException("unknown attachment " + key.attachment());
                }
            } catch (ClosedChannelException e) {
                key.cancel();
            } catch (IOException | RuntimeException e) {
                LOG.warn("{} kept going after: {}", thread.getName(), e.toString());
            }
        }

        private void fromClients(Listener listener) throws IOException {
            for (int i = 0; i < LISTENER_BATCH; i++) {
                buffer.clear();
                InetSocketAddress client = (InetSocketAddress) listener.channel().receive(buffer);
                if (client == null) {
                    return;
                }
                buffer.flip();
                listener.traffic().onMessage(buffer,
                        new FiveTuple(client, listener.localAddress(), FiveTuple.Transport.UDP), listener);
            }
        }

        /**
         * One datagram per wake-up: a relay port serves one client, so it rarely holds two, and reading on until
         * it is empty would cost a second, empty receive per datagram; the selector (level-triggered) reports the
         * port again when more is waiting.
         */
        private void fromPeers(Route route, DatagramChannel channel) throws IOException {
            buffer.clear().position(PeerDataFraming.HEADROOM).limit(PeerDataFraming.HEADROOM + MAX_DATAGRAM);
            InetSocketAddress peer = (InetSocketAddress) channel.receive(buffer);
            if (peer != null) {
                toClient(route, peer, buffer.position() - PeerDataFraming.HEADROOM);
            }
        }

        private void toClient(Route route, InetSocketAddress peer, int length) {
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
                LOG.debug("closing selector: {}", e.toString());
            }
        }
    }
}
