package org.webrtcscratch.turn.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.webrtcscratch.turn.server.HandlerFixture.PEER;
import static org.webrtcscratch.turn.server.HandlerFixture.USER;
import static org.webrtcscratch.turn.server.HandlerFixture.client;
import static org.webrtcscratch.turn.server.HandlerFixture.isSuccess;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.net.FiveTuple;
import org.webrtcscratch.stun.DecodedMessage;
import org.webrtcscratch.stun.attr.Attribute;
import org.webrtcscratch.stun.attr.StunErrorCode;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.turn.event.TurnEvent;
import org.webrtcscratch.turn.proto.ChannelNumber;
import org.webrtcscratch.turn.proto.Lifetime;
import org.webrtcscratch.turn.proto.RequestedTransport;
import org.webrtcscratch.turn.proto.XorPeerAddress;
import org.webrtcscratch.turn.proto.XorRelayedAddress;

/** Each change the handler makes is told once, with its time, 5-tuple and USERNAME, and nothing else is. */
class EventsTest {

    private final HandlerFixture fixture = new HandlerFixture();
    private final FiveTuple from = client(40000);

    @AfterEach
    void close() {
        fixture.close();
    }

    private DecodedMessage signed(StunMethod method, Attribute... attributes) {
        return fixture.answer(fixture.signed(from, method, attributes), from);
    }

    /** Allocates, then forgets the events so far (the 401 challenge's among them). */
    private InetSocketAddress allocate() {
        DecodedMessage response = signed(StunMethod.ALLOCATE, RequestedTransport.UDP);
        assertThat(isSuccess(response)).isTrue();
        fixture.events.clear();
        return response.message().attribute(XorRelayedAddress.class).orElseThrow().address();
    }

    private Instant now() {
        return fixture.clock.instant();
    }

    @Test
    void anAllocateTellsOfTheChallengeAndTheAllocationButNotOfItsRetransmission() {
        byte[] request = fixture.signed(from, StunMethod.ALLOCATE, RequestedTransport.UDP,
                Lifetime.of(Duration.ofMinutes(20)));
        DecodedMessage response = fixture.answer(request, from);
        fixture.clock.advanceSeconds(1);
        fixture.answer(request, from);

        InetSocketAddress relayed = response.message().attribute(XorRelayedAddress.class).orElseThrow().address();
        Instant at = now().minusSeconds(1);
        assertThat(fixture.events.all()).containsExactly(
                new TurnEvent.Refused(at, from, Optional.empty(), StunMethod.ALLOCATE, StunErrorCode.UNAUTHENTICATED,
                        refusalReason()),
                new TurnEvent.Allocated(at, from, USER, relayed, Duration.ofMinutes(20)));
        assertThat(fixture.stats.allocationsCreated()).isEqualTo(1);
        assertThat(fixture.stats.errors(StunErrorCode.UNAUTHENTICATED)).isEqualTo(1);
    }

    /** Whatever the authenticator said; the test checks the other fields exactly. */
    private String refusalReason() {
        return fixture.events.of(TurnEvent.Refused.class).getFirst().reason();
    }

    @Test
    void aPermissionIsCreatedThenRefreshed() {
        allocate();
        assertThat(isSuccess(signed(StunMethod.CREATE_PERMISSION, new XorPeerAddress(PEER)))).isTrue();
        fixture.clock.advanceSeconds(60);
        assertThat(isSuccess(signed(StunMethod.CREATE_PERMISSION, new XorPeerAddress(PEER)))).isTrue();

        assertThat(fixture.events.all()).containsExactly(
                new TurnEvent.PermissionCreated(now().minusSeconds(60), from, USER, PEER.getAddress()),
                new TurnEvent.PermissionRefreshed(now(), from, USER, PEER.getAddress()));
    }

    @Test
    void aPeerNamedTwiceInOneRequestIsOneEvent() {
        allocate();
        assertThat(isSuccess(signed(StunMethod.CREATE_PERMISSION, new XorPeerAddress(PEER),
                new XorPeerAddress(PEER)))).isTrue();

        assertThat(fixture.events.all()).containsExactly(
                new TurnEvent.PermissionCreated(now(), from, USER, PEER.getAddress()));
    }

    @Test
    void aChannelIsBoundWithItsPermissionThenRenewed() {
        allocate();
        assertThat(isSuccess(signed(StunMethod.CHANNEL_BIND, new ChannelNumber(0x4001), new XorPeerAddress(PEER))))
                .isTrue();
        fixture.clock.advanceSeconds(60);
        assertThat(isSuccess(signed(StunMethod.CHANNEL_BIND, new ChannelNumber(0x4001), new XorPeerAddress(PEER))))
                .isTrue();

        Instant first = now().minusSeconds(60);
        assertThat(fixture.events.all()).containsExactly(
                new TurnEvent.PermissionCreated(first, from, USER, PEER.getAddress()),
                new TurnEvent.ChannelBound(first, from, USER, 0x4001, PEER, false),
                new TurnEvent.PermissionRefreshed(now(), from, USER, PEER.getAddress()),
                new TurnEvent.ChannelBound(now(), from, USER, 0x4001, PEER, true));
    }

    @Test
    void aRefreshTellsItsLifetimeAndARefreshToZeroTheDeletion() {
        allocate();
        assertThat(isSuccess(signed(StunMethod.REFRESH, Lifetime.of(Duration.ofMinutes(30))))).isTrue();
        fixture.clock.advanceSeconds(5);
        assertThat(isSuccess(signed(StunMethod.REFRESH, new Lifetime(0)))).isTrue();

        assertThat(fixture.events.all()).containsExactly(
                new TurnEvent.Refreshed(now().minusSeconds(5), from, USER, Duration.ofMinutes(30)),
                new TurnEvent.Deleted(now(), from, USER, TurnEvent.DeleteCause.REFRESH));
    }

    @Test
    void anAllocationLeftAloneExpiresAtTheSweep() {
        allocate();
        fixture.clock.advance(fixture.config.allocation().allocationLifetime().plusSeconds(1));

        assertThat(fixture.events.all()).as("nothing happens until the sweep looks").isEmpty();
        fixture.allocations.sweepExpired();

        assertThat(fixture.events.all()).containsExactly(new TurnEvent.Expired(now(), from, USER));
    }

    @Test
    void anExpiredAllocationReplacedByANewAllocateIsToldAsExpired() {
        allocate();
        fixture.clock.advance(fixture.config.allocation().allocationLifetime().plusSeconds(1));
        assertThat(isSuccess(signed(StunMethod.ALLOCATE, RequestedTransport.UDP))).isTrue();

        assertThat(fixture.events.of(TurnEvent.Expired.class)).containsExactly(new TurnEvent.Expired(now(), from, USER));
        assertThat(fixture.events.of(TurnEvent.Allocated.class)).hasSize(1);
    }

    @Test
    void aClosedConnectionAndAStoppedServerDeleteTheirAllocations() {
        allocate();
        FiveTuple other = client(40001);
        assertThat(isSuccess(fixture.answer(fixture.signed(other, StunMethod.ALLOCATE, RequestedTransport.UDP), other)))
                .isTrue();
        fixture.events.clear();

        fixture.allocations.release(from);
        fixture.allocations.release(from);
        fixture.allocations.close();

        assertThat(fixture.events.all()).containsExactly(
                new TurnEvent.Deleted(now(), from, USER, TurnEvent.DeleteCause.CONNECTION_CLOSED),
                new TurnEvent.Deleted(now(), other, USER, TurnEvent.DeleteCause.SERVER_CLOSED));
    }

    @Test
    void everyErrorResponseIsARefusalWithItsCodeAndWhoAsked() {
        assertThat(HandlerFixture.errorCode(signed(StunMethod.REFRESH))).isEqualTo(437);
        fixture.events.clear();
        allocate();
        assertThat(HandlerFixture.errorCode(signed(StunMethod.CREATE_PERMISSION))).isEqualTo(400);

        TurnEvent.Refused refused = fixture.events.of(TurnEvent.Refused.class).getFirst();
        assertThat(refused.at()).isEqualTo(now());
        assertThat(refused.fiveTuple()).isEqualTo(from);
        assertThat(refused.username()).contains(USER);
        assertThat(refused.method()).isEqualTo(StunMethod.CREATE_PERMISSION);
        assertThat(refused.code()).isEqualTo(StunErrorCode.BAD_REQUEST);
        assertThat(refused.reason()).isEqualTo("CreatePermission needs XOR-PEER-ADDRESS");
        assertThat(fixture.events.all()).containsExactly(refused);
        assertThat(fixture.stats.errors(StunErrorCode.BAD_REQUEST)).isEqualTo(1);
    }

    @Test
    void bindingAndRelayingTellNothing() {
        fixture.answer(HandlerFixture.request(StunMethod.BINDING).toBytes(), from);
        allocate();
        fixture.handle(HandlerFixture.indication(StunMethod.SEND, new XorPeerAddress(PEER)).toBytes(), from);

        assertThat(fixture.events.all()).isEmpty();
    }
}
