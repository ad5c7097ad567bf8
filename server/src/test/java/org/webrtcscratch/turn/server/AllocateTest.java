package org.webrtcscratch.turn.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.webrtcscratch.turn.server.HandlerFixture.client;
import static org.webrtcscratch.turn.server.HandlerFixture.errorCode;
import static org.webrtcscratch.turn.server.HandlerFixture.isSuccess;

import java.net.InetAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.net.FiveTuple;
import org.webrtcscratch.stun.DecodedMessage;
import org.webrtcscratch.stun.Integrity;
import org.webrtcscratch.stun.attr.AddressFamily;
import org.webrtcscratch.stun.attr.AttributeType;
import org.webrtcscratch.stun.attr.ByteString;
import org.webrtcscratch.stun.attr.RawAttribute;
import org.webrtcscratch.stun.attr.StunErrorCode;
import org.webrtcscratch.stun.attr.UnknownAttributes;
import org.webrtcscratch.stun.attr.XorMappedAddress;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.turn.proto.AdditionalAddressFamily;
import org.webrtcscratch.turn.proto.AddressErrorCode;
import org.webrtcscratch.turn.proto.DontFragment;
import org.webrtcscratch.turn.proto.EvenPort;
import org.webrtcscratch.turn.proto.Lifetime;
import org.webrtcscratch.turn.proto.RequestedAddressFamily;
import org.webrtcscratch.turn.proto.RequestedTransport;
import org.webrtcscratch.turn.proto.ReservationToken;
import org.webrtcscratch.turn.proto.XorRelayedAddress;

/** Allocate, RFC 8656 §7.2-§7.3, through the handler. */
class AllocateTest {

    private HandlerFixture fixture = new HandlerFixture();
    private final FiveTuple from = client(40000);

    @AfterEach
    void close() {
        fixture.close();
    }

    private DecodedMessage allocate(FiveTuple tuple, org.webrtcscratch.stun.attr.Attribute... attributes) {
        return fixture.answer(fixture.signed(tuple, StunMethod.ALLOCATE, attributes), tuple);
    }

    @Test
    void aGrantedAllocationSaysWhereItRelaysFromForHowLongAndWhoAsked() {
        TurnReply reply = fixture.handle(fixture.signed(from, StunMethod.ALLOCATE, RequestedTransport.UDP), from);
        assertThat(reply).isInstanceOf(TurnReply.Allocated.class);
        DecodedMessage response = fixture.answer(fixture.signed(client(40001), StunMethod.ALLOCATE,
                RequestedTransport.UDP), client(40001));
        var relayed = response.message().attribute(XorRelayedAddress.class).orElseThrow().address();
        assertThat(relayed.getAddress()).isEqualTo(InetAddress.getLoopbackAddress());
        assertThat(fixture.config.allocation().relayPorts().contains(relayed.getPort())).isTrue();
        assertThat(response.message().attribute(Lifetime.class)).contains(new Lifetime(600));
        assertThat(response.message().attribute(XorMappedAddress.class)).contains(new XorMappedAddress(client(40001).client()));
        assertThat(fixture.allocations.allocationCount()).isEqualTo(2);
        assertThat(fixture.stats.allocationsCreated()).isEqualTo(2);
    }

    @Test
    void theLifetimeAskedForIsClampedBetweenDefaultAndMaximum() {
        assertThat(allocate(client(1), RequestedTransport.UDP, new Lifetime(100_000)).message()
                .attribute(Lifetime.class)).contains(new Lifetime(3600));
        assertThat(allocate(client(2), RequestedTransport.UDP, new Lifetime(10)).message()
                .attribute(Lifetime.class)).contains(new Lifetime(600));
        assertThat(allocate(client(3), RequestedTransport.UDP, new Lifetime(1200)).message()
                .attribute(Lifetime.class)).contains(new Lifetime(1200));
    }

    @Test
    void aRetransmittedAllocateGetsTheSameAnswerAndNoSecondAllocation() {
        byte[] request = fixture.signed(from, StunMethod.ALLOCATE, RequestedTransport.UDP);
        DecodedMessage first = fixture.answer(request, from);
        TurnReply again = fixture.handle(request, from);
        assertThat(again).isInstanceOf(TurnReply.Respond.class);
        DecodedMessage second = fixture.answer(request, from);
        assertThat(second.message().attribute(XorRelayedAddress.class))
                .isEqualTo(first.message().attribute(XorRelayedAddress.class));
        assertThat(fixture.allocations.allocationCount()).isEqualTo(1);
    }

    @Test
    void aSecondAllocateOnTheSameFiveTupleIs437() {
        assertThat(isSuccess(allocate(from, RequestedTransport.UDP))).isTrue();
        assertThat(errorCode(allocate(from, RequestedTransport.UDP))).isEqualTo(437);
    }

    @Test
    void requestedTransportIsRequiredAndMustBeUdp() {
        assertThat(errorCode(allocate(client(1)))).isEqualTo(400);
        assertThat(errorCode(allocate(client(2), new RequestedTransport(6)))).isEqualTo(442);
        assertThat(fixture.allocations.allocationCount()).isZero();
    }

    @Test
    void dontFragmentIsAnUnknownAttributeHere() {
        DecodedMessage response = allocate(from, RequestedTransport.UDP, new DontFragment());
        assertThat(errorCode(response)).isEqualTo(420);
        assertThat(response.message().attribute(UnknownAttributes.class).orElseThrow().types())
                .containsExactly(AttributeType.DONT_FRAGMENT.code());
        assertThat(Integrity.verifySha1(response, fixture.key())).isTrue();
    }

    @Test
    void unknownComprehensionRequiredAttributesAre420AfterAuthentication() {
        DecodedMessage response = allocate(from, RequestedTransport.UDP,
                new RawAttribute(0x7EEE, ByteString.wrap(new byte[] {1})));
        assertThat(errorCode(response)).isEqualTo(420);
        assertThat(response.message().attribute(UnknownAttributes.class).orElseThrow().types()).containsExactly(0x7EEE);
        assertThat(Integrity.verifySha1(response, fixture.key())).isTrue();
    }

    @Test
    void evenPortWithReservationTokenIs400() {
        assertThat(errorCode(allocate(from, RequestedTransport.UDP, new EvenPort(false), new ReservationToken(7))))
                .isEqualTo(400);
    }

    @Test
    void aReservationTokenWithARequestedFamilyIs400() {
        long token = allocate(client(1), RequestedTransport.UDP, new EvenPort(true)).message()
                .attribute(ReservationToken.class).orElseThrow().token();
        assertThat(errorCode(allocate(client(2), RequestedTransport.UDP, new ReservationToken(token),
                RequestedAddressFamily.of(AddressFamily.IPV4)))).isEqualTo(400);
        assertThat(isSuccess(allocate(client(3), RequestedTransport.UDP, new ReservationToken(token))))
                .as("the refused request left the reservation alone").isTrue();
    }

    @Test
    void evenPortWithReserveReturnsATokenThatClaimsTheNextPort() {
        DecodedMessage even = allocate(client(1), RequestedTransport.UDP, new EvenPort(true));
        int port = even.message().attribute(XorRelayedAddress.class).orElseThrow().address().getPort();
        assertThat(port % 2).isZero();
        long token = even.message().attribute(ReservationToken.class).orElseThrow().token();
        DecodedMessage odd = allocate(client(2), RequestedTransport.UDP, new ReservationToken(token));
        assertThat(odd.message().attribute(XorRelayedAddress.class).orElseThrow().address().getPort())
                .isEqualTo(port + 1);
        assertThat(errorCode(allocate(client(3), RequestedTransport.UDP, new ReservationToken(token))))
                .as("a token is good once").isEqualTo(508);
    }

    @Test
    void aFamilyThisServerDoesNotRelayIs440() {
        assertThat(errorCode(allocate(client(1), RequestedTransport.UDP,
                RequestedAddressFamily.of(AddressFamily.IPV6)))).isEqualTo(440);
        assertThat(errorCode(allocate(client(2), RequestedTransport.UDP, new RequestedAddressFamily(0x03))))
                .isEqualTo(440);
        assertThat(isSuccess(allocate(client(3), RequestedTransport.UDP,
                RequestedAddressFamily.of(AddressFamily.IPV4)))).isTrue();
    }

    @Test
    void aDualAllocationGetsIpv4AndSaysWhyNotIpv6() {
        DecodedMessage response = allocate(from, RequestedTransport.UDP, AdditionalAddressFamily.of(AddressFamily.IPV6));
        assertThat(isSuccess(response)).isTrue();
        assertThat(response.message().attributes(XorRelayedAddress.class)).hasSize(1);
        AddressErrorCode error = response.message().attribute(AddressErrorCode.class).orElseThrow();
        assertThat(error.family()).isEqualTo(AddressFamily.IPV6);
        assertThat(error.error().code()).isEqualTo(440);
    }

    @Test
    void additionalAddressFamilyMustBeIpv6AndAlone() {
        assertThat(errorCode(allocate(client(1), RequestedTransport.UDP, AdditionalAddressFamily.of(AddressFamily.IPV4))))
                .isEqualTo(400);
        assertThat(errorCode(allocate(client(2), RequestedTransport.UDP, AdditionalAddressFamily.of(AddressFamily.IPV6),
                RequestedAddressFamily.of(AddressFamily.IPV4)))).isEqualTo(400);
    }

    @Test
    void theUserQuotaIs486AndTheServerLimit508() {
        fixture.close();
        fixture = new HandlerFixture(config -> config.maxAllocations(2).maxAllocationsPerUser(1));
        assertThat(isSuccess(allocate(client(1), RequestedTransport.UDP))).isTrue();
        assertThat(errorCode(allocate(client(2), RequestedTransport.UDP))).isEqualTo(486);
        assertThat(fixture.stats.errors(StunErrorCode.ALLOCATION_QUOTA_REACHED)).isEqualTo(1);

        fixture.close();
        fixture = new HandlerFixture(config -> config.maxAllocations(1).maxAllocationsPerUser(1));
        assertThat(isSuccess(allocate(client(1), RequestedTransport.UDP))).isTrue();
        byte[] bob = fixture.withCredentials(HandlerFixture.request(StunMethod.ALLOCATE, RequestedTransport.UDP),
                HandlerFixture.OTHER_USER, fixture.challenge(client(2)))
                .messageIntegrity(org.webrtcscratch.stun.IntegrityKeys.longTermMd5(HandlerFixture.OTHER_USER,
                        HandlerFixture.REALM, HandlerFixture.OTHER_PASSWORD)).toBytes();
        assertThat(errorCode(fixture.answer(bob, client(2)))).isEqualTo(508);
    }

    @Test
    void anExpiredAllocationFreesItsFiveTuple() {
        assertThat(isSuccess(allocate(from, RequestedTransport.UDP))).isTrue();
        fixture.advance(fixture.config.allocation().allocationLifetime());
        assertThat(fixture.allocations.find(from)).hasValueSatisfying(gone -> assertThat(gone.isLive()).isFalse());
        assertThat(isSuccess(allocate(from, RequestedTransport.UDP))).isTrue();
    }
}
