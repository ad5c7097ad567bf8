package org.webrtcscratch.turn.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.webrtcscratch.turn.allocation.Fixture.ALICE;
import static org.webrtcscratch.turn.allocation.Fixture.peer;
import static org.webrtcscratch.turn.allocation.Fixture.tuple;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RelayRoutingTest {

    private static final InetSocketAddress PEER = peer("198.51.100.20", 5000);

    @Test
    void peerDataGoesByChannelWhenBoundElseByDataIndication() {
        Fixture f = new Fixture();
        Allocation allocation = f.allocated(tuple(1000));
        f.manager.createPermissions(tuple(1000), ALICE, List.of(PEER.getAddress()));

        assertThat(allocation.routeFromPeer(PEER, 100)).isEqualTo(PeerToClient.DATA_INDICATION);
        f.manager.bindChannel(tuple(1000), ALICE, 0x4321, PEER);

        assertThat(allocation.routeFromPeer(PEER, 100)).isEqualTo(new PeerToClient.ViaChannel(0x4321));
        assertThat(allocation.routeFromPeer(peer("198.51.100.20", 5001), 100)).isEqualTo(PeerToClient.DATA_INDICATION);
        assertThat(allocation.routeFromPeer(peer("198.51.100.99", 5000), 100))
                .isEqualTo(Dropped.of(DropReason.NO_PERMISSION));
    }

    @Test
    void channelDataOnAnUnboundNumberIsDropped() {
        Fixture f = new Fixture();
        Allocation allocation = f.allocated(tuple(1000));
        f.manager.bindChannel(tuple(1000), ALICE, 0x4000, PEER);

        assertThat(allocation.routeChannelData(0x4000, 10)).isEqualTo(new ClientToPeer.Forward(PEER));
        assertThat(allocation.routeChannelData(0x4001, 10)).isEqualTo(Dropped.of(DropReason.CHANNEL_NOT_BOUND));
    }

    @Test
    void nothingIsRelayedOnceTheAllocationIsDeleted() {
        Fixture f = new Fixture();
        Allocation allocation = f.allocated(tuple(1000));
        f.manager.bindChannel(tuple(1000), ALICE, 0x4000, PEER);

        f.manager.refresh(tuple(1000), ALICE, Optional.of(Duration.ZERO), Optional.empty());

        assertThat(allocation.routeSend(PEER, 10)).isEqualTo(Dropped.of(DropReason.ALLOCATION_GONE));
        assertThat(allocation.routeChannelData(0x4000, 10)).isEqualTo(Dropped.of(DropReason.ALLOCATION_GONE));
        assertThat(allocation.routeFromPeer(PEER, 10)).isEqualTo(Dropped.of(DropReason.ALLOCATION_GONE));
    }

    @Test
    void theBandwidthCapDropsWhatExceedsItAndRefillsOverTime() {
        Fixture f = new Fixture(b -> b.bandwidthCapBytesPerSecond(100_000));
        Allocation allocation = f.allocated(tuple(1000));
        f.manager.createPermissions(tuple(1000), ALICE, List.of(PEER.getAddress()));

        for (int i = 0; i < 100; i++) {
            assertThat(allocation.routeSend(PEER, 1000)).isInstanceOf(ClientToPeer.Forward.class);
        }
        assertThat(allocation.routeSend(PEER, 1000)).isEqualTo(Dropped.of(DropReason.BANDWIDTH_CAP));
        assertThat(allocation.routeFromPeer(PEER, 1000)).isEqualTo(PeerToClient.DATA_INDICATION);

        f.clock.advance(Duration.ofMillis(10));
        assertThat(allocation.routeSend(PEER, 1000)).isInstanceOf(ClientToPeer.Forward.class);
        assertThat(allocation.routeSend(PEER, 1000)).isEqualTo(Dropped.of(DropReason.BANDWIDTH_CAP));
    }

    @Test
    void withoutACapEverythingPermittedPasses() {
        Fixture f = new Fixture();
        Allocation allocation = f.allocated(tuple(1000));
        f.manager.createPermissions(tuple(1000), ALICE, List.of(PEER.getAddress()));

        for (int i = 0; i < 1000; i++) {
            assertThat(allocation.routeSend(PEER, 65_000)).isInstanceOf(ClientToPeer.Forward.class);
        }
    }
}
