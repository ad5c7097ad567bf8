package org.webrtcscratch.turn.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.webrtcscratch.turn.server.HandlerFixture.PEER;
import static org.webrtcscratch.turn.server.HandlerFixture.address;
import static org.webrtcscratch.turn.server.HandlerFixture.client;
import static org.webrtcscratch.turn.server.HandlerFixture.errorCode;
import static org.webrtcscratch.turn.server.HandlerFixture.indication;
import static org.webrtcscratch.turn.server.HandlerFixture.isSuccess;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.net.FiveTuple;
import org.webrtcscratch.stun.DecodedMessage;
import org.webrtcscratch.stun.attr.Attribute;
import org.webrtcscratch.stun.attr.ByteString;
import org.webrtcscratch.stun.attr.RawAttribute;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.turn.TurnConfig;
import org.webrtcscratch.turn.allocation.ChannelBinding;
import org.webrtcscratch.turn.allocation.DropReason;
import org.webrtcscratch.turn.allocation.Permission;
import org.webrtcscratch.turn.proto.ChannelNumber;
import org.webrtcscratch.turn.proto.Data;
import org.webrtcscratch.turn.proto.DontFragment;
import org.webrtcscratch.turn.proto.RequestedTransport;
import org.webrtcscratch.turn.proto.XorPeerAddress;

/** CreatePermission (RFC 8656 §10), ChannelBind (§12) and the Send indications they let through (§11.2). */
class PermissionsAndChannelsTest {

    private HandlerFixture fixture = new HandlerFixture();
    private final FiveTuple from = client(40000);

    @AfterEach
    void close() {
        fixture.close();
    }

    private void start(UnaryOperator<TurnConfig.Builder> config) {
        fixture.close();
        fixture = new HandlerFixture(config);
    }

    private DecodedMessage signed(StunMethod method, Attribute... attributes) {
        return fixture.answer(fixture.signed(from, method, attributes), from);
    }

    private void allocate() {
        assertThat(isSuccess(signed(StunMethod.ALLOCATE, RequestedTransport.UDP))).isTrue();
    }

    private TurnReply send(InetSocketAddress peer, String text) {
        return fixture.handle(indication(StunMethod.SEND, new XorPeerAddress(peer),
                new Data(ByteString.wrap(text.getBytes(StandardCharsets.UTF_8)))).toBytes(), from);
    }

    @Test
    void aPermissionLetsSendIndicationsThroughToThatPeerOnly() {
        allocate();
        assertThat(send(PEER, "early")).isEqualTo(new TurnReply.Drop(DropReason.NO_PERMISSION));
        assertThat(isSuccess(signed(StunMethod.CREATE_PERMISSION, new XorPeerAddress(PEER)))).isTrue();

        TurnReply reply = send(new InetSocketAddress(PEER.getAddress(), 4444), "hello");
        assertThat(reply).isInstanceOf(TurnReply.Forward.class);
        TurnReply.Forward forward = (TurnReply.Forward) reply;
        assertThat(forward.peer()).isEqualTo(new InetSocketAddress(PEER.getAddress(), 4444));
        assertThat(StandardCharsets.UTF_8.decode(forward.data()).toString()).isEqualTo("hello");
        assertThat(forward.allocation()).isSameAs(fixture.allocations.find(from).orElseThrow());

        assertThat(send(address("127.0.0.2", 9), "elsewhere")).isEqualTo(new TurnReply.Drop(DropReason.NO_PERMISSION));
        assertThat(fixture.stats.drops(DropReason.NO_PERMISSION)).isEqualTo(2);
    }

    @Test
    void permissionsLastFiveMinutesUnlessRefreshed() {
        allocate();
        signed(StunMethod.CREATE_PERMISSION, new XorPeerAddress(PEER));
        fixture.advance(Permission.LIFETIME.minusSeconds(1));
        assertThat(send(PEER, "still")).isInstanceOf(TurnReply.Forward.class);
        signed(StunMethod.CREATE_PERMISSION, new XorPeerAddress(PEER));
        fixture.advance(Permission.LIFETIME.minusSeconds(1));
        assertThat(send(PEER, "refreshed")).isInstanceOf(TurnReply.Forward.class);
        fixture.advance(java.time.Duration.ofSeconds(1));
        assertThat(send(PEER, "late")).isEqualTo(new TurnReply.Drop(DropReason.NO_PERMISSION));
    }

    @Test
    void createPermissionNeedsAPeerAndAnAllocation() {
        assertThat(errorCode(signed(StunMethod.CREATE_PERMISSION, new XorPeerAddress(PEER)))).isEqualTo(437);
        allocate();
        assertThat(errorCode(signed(StunMethod.CREATE_PERMISSION))).isEqualTo(400);
    }

    @Test
    void peersThePolicyRefusesAre403AndOtherFamiliesAre443() {
        allocate();
        assertThat(errorCode(signed(StunMethod.CREATE_PERMISSION, new XorPeerAddress(address("10.1.2.3", 9)))))
                .isEqualTo(403);
        assertThat(errorCode(signed(StunMethod.CREATE_PERMISSION, new XorPeerAddress(address("169.254.169.254", 80)))))
                .isEqualTo(403);
        assertThat(errorCode(signed(StunMethod.CREATE_PERMISSION, new XorPeerAddress(address("2001:db8::9", 9)))))
                .isEqualTo(443);
        assertThat(errorCode(signed(StunMethod.CHANNEL_BIND, new ChannelNumber(0x4000),
                new XorPeerAddress(address("192.168.1.1", 9))))).isEqualTo(403);
    }

    @Test
    void oneRefusedPeerMeansNoPermissionAtAll() {
        allocate();
        assertThat(errorCode(signed(StunMethod.CREATE_PERMISSION, new XorPeerAddress(PEER),
                new XorPeerAddress(address("10.0.0.1", 9))))).isEqualTo(403);
        assertThat(send(PEER, "x")).isEqualTo(new TurnReply.Drop(DropReason.NO_PERMISSION));
    }

    @Test
    void tooManyPermissionsIs508() {
        start(config -> config.maxPermissionsPerAllocation(1));
        allocate();
        assertThat(isSuccess(signed(StunMethod.CREATE_PERMISSION, new XorPeerAddress(PEER)))).isTrue();
        assertThat(errorCode(signed(StunMethod.CREATE_PERMISSION, new XorPeerAddress(address("127.0.0.2", 9)))))
                .isEqualTo(508);
    }

    @Test
    void aChannelBindingInstallsAPermissionAndRoutesByNumber() {
        allocate();
        assertThat(isSuccess(signed(StunMethod.CHANNEL_BIND, new ChannelNumber(0x4000), new XorPeerAddress(PEER))))
                .isTrue();
        var allocation = fixture.allocations.find(from).orElseThrow();
        assertThat(allocation.channelBindings()).extracting(ChannelBinding::number).containsExactly(0x4000);
        assertThat(send(PEER, "via permission")).isInstanceOf(TurnReply.Forward.class);
        assertThat(allocation.routeChannelData(0x4000, 10))
                .isEqualTo(new org.webrtcscratch.turn.allocation.ClientToPeer.Forward(PEER));
        assertThat(allocation.routeChannelData(0x4001, 10))
                .isEqualTo(org.webrtcscratch.turn.allocation.Dropped.of(DropReason.CHANNEL_NOT_BOUND));
    }

    @Test
    void channelBindRulesAre400() {
        allocate();
        assertThat(errorCode(signed(StunMethod.CHANNEL_BIND, new XorPeerAddress(PEER)))).isEqualTo(400);
        assertThat(errorCode(signed(StunMethod.CHANNEL_BIND, new ChannelNumber(0x4000)))).isEqualTo(400);
        assertThat(errorCode(signed(StunMethod.CHANNEL_BIND, new ChannelNumber(0x3FFF), new XorPeerAddress(PEER))))
                .isEqualTo(400);
        assertThat(errorCode(signed(StunMethod.CHANNEL_BIND, new ChannelNumber(0x8000), new XorPeerAddress(PEER))))
                .isEqualTo(400);
        assertThat(isSuccess(signed(StunMethod.CHANNEL_BIND, new ChannelNumber(0x4000), new XorPeerAddress(PEER))))
                .isTrue();
        assertThat(errorCode(signed(StunMethod.CHANNEL_BIND, new ChannelNumber(0x4000),
                new XorPeerAddress(address("127.0.0.2", 9))))).as("number taken by another peer").isEqualTo(400);
        assertThat(errorCode(signed(StunMethod.CHANNEL_BIND, new ChannelNumber(0x4001), new XorPeerAddress(PEER))))
                .as("peer bound to another number").isEqualTo(400);
        assertThat(isSuccess(signed(StunMethod.CHANNEL_BIND, new ChannelNumber(0x4000), new XorPeerAddress(PEER))))
                .as("the same pair refreshes").isTrue();
    }

    @Test
    void sendIndicationsThatCannotBeRelayedAreDroppedSilently() {
        assertThat(send(PEER, "no allocation")).isEqualTo(new TurnReply.Drop(DropReason.ALLOCATION_GONE));
        allocate();
        signed(StunMethod.CREATE_PERMISSION, new XorPeerAddress(PEER));
        assertThat(fixture.handle(indication(StunMethod.SEND, new XorPeerAddress(PEER)).toBytes(), from))
                .isEqualTo(new TurnReply.Ignore(Ignored.INCOMPLETE_SEND));
        assertThat(fixture.handle(indication(StunMethod.SEND, new XorPeerAddress(PEER), new DontFragment(),
                new Data(ByteString.wrap(new byte[1]))).toBytes(), from)).isEqualTo(new TurnReply.Ignore(Ignored.UNSUPPORTED));
        assertThat(fixture.handle(indication(StunMethod.SEND, new XorPeerAddress(PEER),
                new RawAttribute(0x7ABC, ByteString.EMPTY), new Data(ByteString.wrap(new byte[1]))).toBytes(), from))
                .isEqualTo(new TurnReply.Ignore(Ignored.UNSUPPORTED));
        assertThat(fixture.handle(indication(StunMethod.DATA, new XorPeerAddress(PEER),
                new Data(ByteString.wrap(new byte[1]))).toBytes(), from)).isEqualTo(new TurnReply.Ignore(Ignored.UNEXPECTED));
    }

    @Test
    void theBandwidthCapDropsWhatExceedsASecondsWorth() {
        start(config -> config.bandwidthCapBytesPerSecond(65_535));
        allocate();
        signed(StunMethod.CREATE_PERMISSION, new XorPeerAddress(PEER));
        String kilobyte = "x".repeat(1000);
        for (int i = 0; i < 65; i++) {
            assertThat(send(PEER, kilobyte)).as("datagram %d", i).isInstanceOf(TurnReply.Forward.class);
        }
        assertThat(send(PEER, kilobyte)).isEqualTo(new TurnReply.Drop(DropReason.BANDWIDTH_CAP));
        fixture.advance(java.time.Duration.ofMillis(100));
        assertThat(send(PEER, kilobyte)).isInstanceOf(TurnReply.Forward.class);
    }
}
