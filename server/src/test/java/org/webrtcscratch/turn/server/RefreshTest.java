package org.webrtcscratch.turn.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.webrtcscratch.turn.server.HandlerFixture.client;
import static org.webrtcscratch.turn.server.HandlerFixture.errorCode;
import static org.webrtcscratch.turn.server.HandlerFixture.isSuccess;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.net.FiveTuple;
import org.webrtcscratch.stun.DecodedMessage;
import org.webrtcscratch.stun.IntegrityKeys;
import org.webrtcscratch.stun.attr.AddressFamily;
import org.webrtcscratch.stun.attr.Attribute;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.turn.allocation.Allocation;
import org.webrtcscratch.turn.proto.Lifetime;
import org.webrtcscratch.turn.proto.RequestedAddressFamily;
import org.webrtcscratch.turn.proto.RequestedTransport;

/** Refresh, RFC 8656 §8.2, through the handler, with time moved by hand. */
class RefreshTest {

    private final HandlerFixture fixture = new HandlerFixture();
    private final FiveTuple from = client(40000);

    @BeforeEach
    void allocate() {
        assertThat(isSuccess(refreshLike(StunMethod.ALLOCATE, RequestedTransport.UDP))).isTrue();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private DecodedMessage refreshLike(StunMethod method, Attribute... attributes) {
        return fixture.answer(fixture.signed(from, method, attributes), from);
    }

    @Test
    void aRefreshKeepsTheAllocationAliveForTheLifetimeGranted() {
        fixture.advance(Duration.ofSeconds(500));
        DecodedMessage response = refreshLike(StunMethod.REFRESH, new Lifetime(900));
        assertThat(response.message().attribute(Lifetime.class)).contains(new Lifetime(900));
        fixture.advance(Duration.ofSeconds(899));
        Allocation allocation = fixture.allocations.find(from).orElseThrow();
        assertThat(allocation.isLive()).isTrue();
        fixture.advance(Duration.ofSeconds(1));
        assertThat(allocation.isLive()).isFalse();
    }

    @Test
    void withoutLifetimeTheDefaultIsGranted() {
        assertThat(refreshLike(StunMethod.REFRESH).message().attribute(Lifetime.class)).contains(new Lifetime(600));
    }

    @Test
    void lifetimeZeroDeletesTheAllocation() {
        DecodedMessage response = refreshLike(StunMethod.REFRESH, new Lifetime(0));
        assertThat(isSuccess(response)).isTrue();
        assertThat(response.message().attribute(Lifetime.class)).contains(new Lifetime(0));
        assertThat(fixture.allocations.allocationCount()).isZero();
        assertThat(errorCode(refreshLike(StunMethod.REFRESH, new Lifetime(0)))).isEqualTo(437);
    }

    @Test
    void anExpiredAllocationCannotBeRefreshed() {
        fixture.advance(fixture.config.allocation().allocationLifetime());
        assertThat(errorCode(refreshLike(StunMethod.REFRESH))).isEqualTo(437);
        assertThat(fixture.allocations.sweepExpired()).hasSize(1);
    }

    @Test
    void anotherUserOnTheSameFiveTupleIs441() {
        byte[] bob = fixture.withCredentials(HandlerFixture.request(StunMethod.REFRESH), HandlerFixture.OTHER_USER,
                fixture.challenge(from)).messageIntegrity(IntegrityKeys.longTermMd5(HandlerFixture.OTHER_USER,
                HandlerFixture.REALM, HandlerFixture.OTHER_PASSWORD)).toBytes();
        assertThat(errorCode(fixture.answer(bob, from))).isEqualTo(441);
    }

    @Test
    void aFamilyOtherThanTheAllocationsIs443AndAnUnknownOne440() {
        assertThat(errorCode(refreshLike(StunMethod.REFRESH, RequestedAddressFamily.of(AddressFamily.IPV6))))
                .isEqualTo(443);
        assertThat(errorCode(refreshLike(StunMethod.REFRESH, new RequestedAddressFamily(9)))).isEqualTo(440);
        assertThat(isSuccess(refreshLike(StunMethod.REFRESH, RequestedAddressFamily.of(AddressFamily.IPV4)))).isTrue();
    }
}
