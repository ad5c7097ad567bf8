package org.webrtcscratch.turn.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.webrtcscratch.turn.allocation.Fixture.ALICE;
import static org.webrtcscratch.turn.allocation.Fixture.ip;
import static org.webrtcscratch.turn.allocation.Fixture.peer;
import static org.webrtcscratch.turn.allocation.Fixture.tuple;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.webrtcscratch.stun.attr.StunErrorCode;

class ChannelBindTest {

    private static final InetSocketAddress PEER_A = peer("198.51.100.20", 5000);
    private static final InetSocketAddress PEER_B = peer("198.51.100.21", 5000);

    private final Fixture f = new Fixture(b -> b.maxPermissionsPerAllocation(2));
    private final Allocation allocation = f.allocated(tuple(1000), Duration.ofHours(1));

    @ParameterizedTest
    @ValueSource(ints = {0x4000, 0x4001, 0x4FFF, 0x5000, 0x7FFF})
    void numbersInTheRangeBind(int number) {
        assertThat(bind(number, PEER_A)).isInstanceOfSatisfying(ChannelBindOutcome.Bound.class, b -> {
            assertThat(b.binding().number()).isEqualTo(number);
            assertThat(b.binding().peer()).isEqualTo(PEER_A);
            assertThat(b.binding().expiresAt()).isEqualTo(f.clock.instant().plusSeconds(600));
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {0x0000, 0x3FFF, 0x8000, 0xFFFF})
    void numbersOutsideTheRangeAreBadRequest(int number) {
        assertThat(bind(number, PEER_A)).isInstanceOfSatisfying(Rejection.class,
                r -> assertThat(r.code()).isEqualTo(StunErrorCode.BAD_REQUEST));
        assertThat(allocation.permissions()).isEmpty();
    }

    @Test
    void bindingInstallsAPermissionForThePeerIp() {
        bind(0x4000, PEER_A);

        assertThat(allocation.permissions()).extracting(Permission::peer).containsExactly(ip("198.51.100.20"));
        assertThat(allocation.routeSend(peer("198.51.100.20", 9), 10)).isInstanceOf(ClientToPeer.Forward.class);
    }

    @Test
    void aNumberBoundToAnotherPeerIsBadRequest() {
        bind(0x4000, PEER_A);

        assertThat(bind(0x4000, PEER_B)).isInstanceOfSatisfying(Rejection.class, r -> {
            assertThat(r.code()).isEqualTo(StunErrorCode.BAD_REQUEST);
            assertThat(r.reason()).contains("0x4000 is bound to");
        });
        assertThat(bind(0x4000, peer("198.51.100.20", 5001))).isInstanceOf(Rejection.class);
    }

    @Test
    void aPeerBoundToAnotherNumberIsBadRequest() {
        bind(0x4000, PEER_A);

        assertThat(bind(0x4001, PEER_A)).isInstanceOfSatisfying(Rejection.class, r -> {
            assertThat(r.code()).isEqualTo(StunErrorCode.BAD_REQUEST);
            assertThat(r.reason()).contains("is bound to channel 0x4000");
        });
    }

    @Test
    void bindingTheSamePairAgainRefreshesItAndItsPermission() {
        bind(0x4000, PEER_A);
        f.clock.advanceSeconds(500);

        assertThat(bind(0x4000, PEER_A)).isInstanceOf(ChannelBindOutcome.Bound.class);
        f.clock.advanceSeconds(299);

        assertThat(allocation.routeChannelData(0x4000, 10)).isEqualTo(new ClientToPeer.Forward(PEER_A));
        assertThat(allocation.channelBindings()).containsExactly(
                new ChannelBinding(0x4000, PEER_A, f.clock.instant().plusSeconds(301)));
        assertThat(allocation.permissions()).containsExactly(
                new Permission(PEER_A.getAddress(), f.clock.instant().plusSeconds(1)));
    }

    @Test
    void aBindingLastsTenMinutes() {
        bind(0x4000, PEER_A);
        f.clock.advanceSeconds(250);
        f.manager.createPermissions(tuple(1000), ALICE, List.of(PEER_A.getAddress()));
        f.clock.advanceSeconds(250);
        f.manager.createPermissions(tuple(1000), ALICE, List.of(PEER_A.getAddress()));
        f.clock.advanceSeconds(99);
        assertThat(allocation.routeChannelData(0x4000, 10)).isEqualTo(new ClientToPeer.Forward(PEER_A));
        f.clock.advanceSeconds(1);

        assertThat(allocation.routeChannelData(0x4000, 10)).isEqualTo(Dropped.of(DropReason.CHANNEL_NOT_BOUND));
        assertThat(allocation.routeFromPeer(PEER_A, 10)).isEqualTo(PeerToClient.DATA_INDICATION);
    }

    @Test
    void theChannelAloneDoesNotKeepThePermission() {
        bind(0x4000, PEER_A);
        f.clock.advanceSeconds(300);

        assertThat(allocation.routeChannelData(0x4000, 10)).isEqualTo(Dropped.of(DropReason.NO_PERMISSION));
        assertThat(allocation.routeFromPeer(PEER_A, 10)).isEqualTo(Dropped.of(DropReason.NO_PERMISSION));
    }

    @Test
    void anExpiredPairCannotBeReboundDifferentlyForFiveMoreMinutes() {
        bind(0x4000, PEER_A);
        f.clock.advanceSeconds(600 + 299);

        assertThat(bind(0x4000, PEER_B)).isInstanceOf(Rejection.class);
        assertThat(bind(0x4001, PEER_A)).isInstanceOf(Rejection.class);
        f.clock.advanceSeconds(1);

        assertThat(bind(0x4000, PEER_B)).isInstanceOf(ChannelBindOutcome.Bound.class);
        assertThat(bind(0x4001, PEER_A)).isInstanceOf(ChannelBindOutcome.Bound.class);
        assertThat(allocation.routeFromPeer(PEER_A, 10)).isEqualTo(new PeerToClient.ViaChannel(0x4001));
        assertThat(allocation.routeChannelData(0x4000, 10)).isEqualTo(new ClientToPeer.Forward(PEER_B));
    }

    @Test
    void anExpiredPairCanBeBoundAgainAsItWas() {
        bind(0x4000, PEER_A);
        f.clock.advanceSeconds(700);

        assertThat(bind(0x4000, PEER_A)).isInstanceOf(ChannelBindOutcome.Bound.class);
    }

    @Test
    void aForbiddenPeerIsForbidden() {
        assertThat(bind(0x4000, peer("10.1.2.3", 5000))).isInstanceOfSatisfying(Rejection.class,
                r -> assertThat(r.code()).isEqualTo(StunErrorCode.FORBIDDEN));
    }

    @Test
    void aPeerOfTheOtherFamilyIsPeerAddressFamilyMismatch() {
        assertThat(bind(0x4000, peer("2001:db8::20", 5000))).isInstanceOfSatisfying(Rejection.class,
                r -> assertThat(r.code()).isEqualTo(StunErrorCode.PEER_ADDRESS_FAMILY_MISMATCH));
    }

    @Test
    void portZeroIsBadRequest() {
        assertThat(bind(0x4000, peer("198.51.100.20", 0))).isInstanceOfSatisfying(Rejection.class,
                r -> assertThat(r.code()).isEqualTo(StunErrorCode.BAD_REQUEST));
    }

    @Test
    void aBindingNeedingAPermissionPastTheCapIsInsufficientCapacity() {
        bind(0x4000, PEER_A);
        bind(0x4001, PEER_B);

        assertThat(bind(0x4002, peer("198.51.100.22", 5000))).isInstanceOfSatisfying(Rejection.class,
                r -> assertThat(r.code()).isEqualTo(StunErrorCode.INSUFFICIENT_CAPACITY));
        assertThat(bind(0x4002, peer("198.51.100.20", 6000))).isInstanceOf(ChannelBindOutcome.Bound.class);
    }

    private ChannelBindOutcome bind(int number, InetSocketAddress peer) {
        return f.manager.bindChannel(tuple(1000), ALICE, number, peer);
    }
}
