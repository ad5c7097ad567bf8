package org.webrtcscratch.turn.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.stun.attr.StunErrorCode;
import org.webrtcscratch.turn.SettableClock;
import org.webrtcscratch.turn.TurnConfig;

/** Real UDP sockets on 127.0.0.1. */
class UdpRelayPortBinderTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final UdpRelayPortBinder binder = new UdpRelayPortBinder();

    @Test
    void bindsAFreePortAndRefusesItWhileHeld() throws IOException {
        int port = freePort();

        try (RelayPort relay = binder.bind(new InetSocketAddress(LOOPBACK, port)).orElseThrow()) {
            assertThat(relay.localAddress()).isEqualTo(new InetSocketAddress(LOOPBACK, port));
            assertThat(binder.bind(new InetSocketAddress(LOOPBACK, port))).isEmpty();
        }
        Optional<RelayPort> again = binder.bind(new InetSocketAddress(LOOPBACK, port));
        assertThat(again).isPresent();
        again.get().close();
    }

    @Test
    void relaysDatagramsBothWays() throws IOException {
        try (RelayPort relay = binder.bind(new InetSocketAddress(LOOPBACK, 0)).orElseThrow();
                DatagramChannel peer = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, 0))) {
            InetSocketAddress peerAddress = (InetSocketAddress) peer.getLocalAddress();

            relay.send(ByteBuffer.wrap("to peer".getBytes(StandardCharsets.US_ASCII)), peerAddress);
            ByteBuffer atPeer = ByteBuffer.allocate(64);
            assertThat(peer.receive(atPeer)).isEqualTo(relay.localAddress());
            assertThat(new String(atPeer.array(), 0, atPeer.position(), StandardCharsets.US_ASCII))
                    .isEqualTo("to peer");

            peer.send(ByteBuffer.wrap("to relay".getBytes(StandardCharsets.US_ASCII)), relay.localAddress());
            ByteBuffer atRelay = ByteBuffer.allocate(64);
            assertThat(relay.receive(atRelay)).isEqualTo(peerAddress);
            assertThat(new String(atRelay.array(), 0, atRelay.position(), StandardCharsets.US_ASCII))
                    .isEqualTo("to relay");
        }
    }

    @Test
    void aClosedPortEndsItsRelayLoop() {
        RelayPort relay = binder.bind(new InetSocketAddress(LOOPBACK, 0)).orElseThrow();
        relay.close();
        relay.close();

        assertThatThrownBy(() -> relay.receive(ByteBuffer.allocate(16))).isInstanceOf(ClosedChannelException.class);
    }

    @Test
    void aManagerOnRealSocketsRunsOutOfPortsWith508AndRecoversOnRelease() throws IOException {
        int base = freeRange(3);
        TurnConfig config = TurnConfig.builder().relayPorts(new PortRange(base, base + 2)).build();
        SettableClock clock = SettableClock.atEpochSecond(1_700_000_000);
        List<Allocation> allocations = new ArrayList<>();

        try (AllocationManager manager = new AllocationManager(config.allocation(), binder, clock, new SplittableRandom(1),
                event -> { })) {
            for (int i = 0; i < 3; i++) {
                var outcome = manager.allocate(AllocateRequest.of(Fixture.tuple(1000 + i), "alice", Fixture.tx(i)));
                allocations.add(((AllocateOutcome.Allocated) outcome).allocation());
            }
            assertThat(allocations).extracting(a -> a.relayPort().localAddress().getPort())
                    .containsExactlyInAnyOrder(base, base + 1, base + 2);

            AllocateOutcome fourth = manager.allocate(AllocateRequest.of(Fixture.tuple(1003), "alice", Fixture.tx(3)));
            assertThat(fourth).isInstanceOfSatisfying(Rejection.class,
                    r -> assertThat(r.code()).isEqualTo(StunErrorCode.INSUFFICIENT_CAPACITY));

            manager.refresh(Fixture.tuple(1001), "alice", Optional.of(Duration.ZERO), Optional.empty());
            AllocateOutcome retry = manager.allocate(AllocateRequest.of(Fixture.tuple(1003), "alice", Fixture.tx(4)));
            InetSocketAddress freed = allocations.get(1).relayPort().localAddress();
            assertThat(retry).isInstanceOfSatisfying(AllocateOutcome.Allocated.class,
                    a -> assertThat(a.allocation().relayPort().localAddress()).isEqualTo(freed));
        }
        try (DatagramChannel probe = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, base))) {
            assertThat(probe.getLocalAddress()).isEqualTo(new InetSocketAddress(LOOPBACK, base));
        }
    }

    private static int freePort() throws IOException {
        try (DatagramChannel probe = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, 0))) {
            return ((InetSocketAddress) probe.getLocalAddress()).getPort();
        }
    }

    /** A run of {@code length} ports that are free right now, found by binding them. */
    private static int freeRange(int length) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = freePort();
            if (base + length - 1 > 65535) {
                continue;
            }
            List<DatagramChannel> held = new ArrayList<>();
            try {
                for (int port = base; port < base + length; port++) {
                    held.add(DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, port)));
                }
                return base;
            } catch (IOException taken) {
                // Someone holds a port of this run; try another.
            } finally {
                for (DatagramChannel channel : held) {
                    channel.close();
                }
            }
        }
        throw new IllegalStateException("no run of " + length + " free UDP ports on loopback");
    }
}
