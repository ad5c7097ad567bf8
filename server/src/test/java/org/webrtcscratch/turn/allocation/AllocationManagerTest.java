package org.webrtcscratch.turn.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.webrtcscratch.turn.allocation.Fixture.ALICE;
import static org.webrtcscratch.turn.allocation.Fixture.BOB;
import static org.webrtcscratch.turn.allocation.Fixture.ip;
import static org.webrtcscratch.turn.allocation.Fixture.tuple;
import static org.webrtcscratch.turn.allocation.Fixture.tx;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.webrtcscratch.net.FiveTuple;
import org.webrtcscratch.stun.attr.AddressFamily;
import org.webrtcscratch.stun.attr.StunErrorCode;
import org.webrtcscratch.turn.SettableClock;
import org.webrtcscratch.turn.TurnConfig;

class AllocationManagerTest {

    private final Fixture f = new Fixture();

    @Test
    void refusesLimitsThatWereNotCheckedOnTheWayIn() {
        AllocationLimits defaults = TurnConfig.defaults().allocation();
        AllocationLimits wrong = new AllocationLimits(List.of(), defaults.relayPorts(), Duration.ofSeconds(600),
                Duration.ofSeconds(60), defaults.reservationLifetime(), 1, 2, 1, 0, -1, defaults.peerPolicy());

        assertThatThrownBy(() -> new AllocationManager(wrong, new InMemoryRelayPortBinder(),
                SettableClock.atEpochSecond(0), event -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("relayIps must hold at least one address")
                .hasMessageContaining("maxAllocationLifetime")
                .hasMessageContaining("maxAllocationsPerUser (2) must not exceed maxAllocations (1)")
                .hasMessageContaining("maxPermissionsPerAllocation")
                .hasMessageContaining("bandwidthCapBytesPerSecond");
    }

    @Test
    void allocateBindsAPortFromTheRangeAndAdvertisesThePublicAddress() {
        AllocateOutcome.Allocated outcome = (AllocateOutcome.Allocated) f.allocate(tuple(1000), ALICE, 1);
        Allocation allocation = outcome.allocation();

        InetSocketAddress local = allocation.relayPort().localAddress();
        assertThat(local.getAddress()).isEqualTo(Fixture.RELAY_BIND);
        assertThat(Fixture.PORTS.contains(local.getPort())).isTrue();
        assertThat(allocation.relayedAddress()).isEqualTo(new InetSocketAddress(Fixture.RELAY_PUBLIC, local.getPort()));
        assertThat(allocation.username()).isEqualTo(ALICE);
        assertThat(allocation.family()).isEqualTo(AddressFamily.IPV4);
        assertThat(outcome.lifetime()).isEqualTo(Duration.ofSeconds(600));
        assertThat(outcome.retransmission()).isFalse();
        assertThat(outcome.reservationToken()).isEmpty();
        assertThat(f.binder.isBound(local)).isTrue();
        assertThat(f.manager.find(tuple(1000))).containsSame(allocation);
    }

    @Test
    void retransmittedAllocateGetsTheFirstAnswerAgain() {
        var first = (AllocateOutcome.Allocated) f.manager.allocate(new AllocateRequest(tuple(1000), ALICE, tx(1),
                Optional.empty(), Optional.of(Duration.ofSeconds(1200)), PortRequest.ANY));
        f.clock.advanceSeconds(2);

        AllocateOutcome again = f.manager.allocate(new AllocateRequest(tuple(1000), ALICE, tx(1),
                Optional.empty(), Optional.of(Duration.ofSeconds(1200)), PortRequest.ANY));

        assertThat(again).isEqualTo(new AllocateOutcome.Allocated(first.allocation(), Duration.ofSeconds(1200),
                first.reservationToken(), true));
        assertThat(f.binder.boundCount()).isEqualTo(1);
        assertThat(f.manager.allocationCount(ALICE)).isEqualTo(1);
    }

    @Test
    void anotherAllocateOnALiveFiveTupleIsAllocationMismatch() {
        f.allocate(tuple(1000), ALICE, 1);

        assertThat(f.allocate(tuple(1000), ALICE, 2)).isInstanceOfSatisfying(Rejection.class,
                r -> assertThat(r.code()).isEqualTo(StunErrorCode.ALLOCATION_MISMATCH));
        assertThat(f.allocate(tuple(1000), BOB, 1)).isInstanceOfSatisfying(Rejection.class,
                r -> assertThat(r.code()).isEqualTo(StunErrorCode.ALLOCATION_MISMATCH));
        assertThat(f.allocate(tuple(1001), ALICE, 2)).isInstanceOf(AllocateOutcome.Allocated.class);
    }

    @ParameterizedTest(name = "LIFETIME {0} s is granted {1} s")
    @CsvSource({"-1, 600", "0, 600", "1, 600", "599, 600", "600, 600", "1800, 1800", "3600, 3600", "3601, 3600",
            "4294967295, 3600"})
    void allocateClampsTheLifetimeBetweenDefaultAndMaximum(long requested, long granted) {
        Optional<Duration> lifetime = requested < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(requested));

        AllocateOutcome outcome = f.manager.allocate(new AllocateRequest(tuple(1000), ALICE, tx(1), Optional.empty(),
                lifetime, PortRequest.ANY));

        assertThat(outcome).asInstanceOf(InstanceOfAssertFactories.type(AllocateOutcome.Allocated.class))
                .satisfies(a -> assertThat(a.lifetime()).isEqualTo(Duration.ofSeconds(granted)))
                .satisfies(a -> assertThat(a.allocation().expiresAt())
                        .isEqualTo(f.clock.instant().plusSeconds(granted)));
    }

    @Test
    void anAllocationEndsWhenItsLifetimeRunsOut() {
        Allocation allocation = f.allocated(tuple(1000));

        f.clock.advanceSeconds(599);
        assertThat(allocation.isLive()).isTrue();
        f.clock.advanceSeconds(1);

        assertThat(allocation.isLive()).isFalse();
        assertThat(allocation.routeChannelData(0x4000, 1)).isEqualTo(Dropped.of(DropReason.ALLOCATION_GONE));
        assertThat(f.manager.refresh(tuple(1000), ALICE, Optional.empty(), Optional.empty()))
                .isInstanceOfSatisfying(Rejection.class,
                        r -> assertThat(r.code()).isEqualTo(StunErrorCode.ALLOCATION_MISMATCH));
    }

    @Test
    void anExpiredAllocationDoesNotBlockANewOneOnTheSameFiveTuple() {
        Allocation old = f.allocated(tuple(1000));
        f.clock.advanceSeconds(600);

        AllocateOutcome outcome = f.allocate(tuple(1000), ALICE, 2);

        assertThat(outcome).isInstanceOf(AllocateOutcome.Allocated.class);
        assertThat(f.binder.isBound(old.relayPort().localAddress())).isFalse();
        assertThat(f.manager.allocationCount()).isEqualTo(1);
    }

    @Test
    void sweepDeletesExpiredAllocationsAndReleasesTheirPorts() {
        Allocation early = f.allocated(tuple(1000));
        f.clock.advanceSeconds(300);
        Allocation late = f.allocated(tuple(1001));
        f.clock.advanceSeconds(300);

        assertThat(f.manager.sweepExpired()).containsExactly(early);

        assertThat(f.binder.isBound(early.relayPort().localAddress())).isFalse();
        assertThat(f.binder.isBound(late.relayPort().localAddress())).isTrue();
        assertThat(f.manager.allocationCount()).isEqualTo(1);
        assertThat(f.manager.allocationCount(ALICE)).isEqualTo(1);
    }

    @Test
    void refreshSetsANewLifetimeFromNow() {
        Allocation allocation = f.allocated(tuple(1000));
        f.clock.advanceSeconds(500);

        RefreshOutcome outcome = f.manager.refresh(tuple(1000), ALICE, Optional.of(Duration.ofSeconds(1200)),
                Optional.empty());

        assertThat(outcome).isEqualTo(new RefreshOutcome.Refreshed(allocation, Duration.ofSeconds(1200)));
        f.clock.advanceSeconds(1199);
        assertThat(allocation.isLive()).isTrue();
        f.clock.advanceSeconds(1);
        assertThat(allocation.isLive()).isFalse();
    }

    @Test
    void refreshWithoutLifetimeGrantsTheDefaultAndClampsLikeAllocate() {
        f.allocated(tuple(1000));

        assertThat(f.manager.refresh(tuple(1000), ALICE, Optional.empty(), Optional.empty()))
                .isInstanceOfSatisfying(RefreshOutcome.Refreshed.class,
                        r -> assertThat(r.lifetime()).isEqualTo(Duration.ofSeconds(600)));
        assertThat(f.manager.refresh(tuple(1000), ALICE, Optional.of(Duration.ofSeconds(30)), Optional.empty()))
                .isInstanceOfSatisfying(RefreshOutcome.Refreshed.class,
                        r -> assertThat(r.lifetime()).isEqualTo(Duration.ofSeconds(600)));
        assertThat(f.manager.refresh(tuple(1000), ALICE, Optional.of(Duration.ofDays(1)), Optional.empty()))
                .isInstanceOfSatisfying(RefreshOutcome.Refreshed.class,
                        r -> assertThat(r.lifetime()).isEqualTo(Duration.ofSeconds(3600)));
    }

    @Test
    void refreshWithZeroLifetimeDeletesTheAllocation() {
        Allocation allocation = f.allocated(tuple(1000));

        RefreshOutcome outcome = f.manager.refresh(tuple(1000), ALICE, Optional.of(Duration.ZERO), Optional.empty());

        assertThat(outcome).isInstanceOfSatisfying(RefreshOutcome.Refreshed.class,
                r -> assertThat(r.deleted()).isTrue());
        assertThat(f.manager.find(tuple(1000))).isEmpty();
        assertThat(f.binder.isBound(allocation.relayPort().localAddress())).isFalse();
        assertThat(f.manager.allocationCount(ALICE)).isZero();
        assertThat(f.manager.refresh(tuple(1000), ALICE, Optional.of(Duration.ZERO), Optional.empty()))
                .isInstanceOfSatisfying(Rejection.class,
                        r -> assertThat(r.code()).isEqualTo(StunErrorCode.ALLOCATION_MISMATCH));
    }

    @Test
    void requestsFromAnotherUsernameAreWrongCredentials() {
        f.allocated(tuple(1000));

        assertThat(f.manager.refresh(tuple(1000), BOB, Optional.of(Duration.ZERO), Optional.empty()))
                .isInstanceOfSatisfying(Rejection.class,
                        r -> assertThat(r.code()).isEqualTo(StunErrorCode.WRONG_CREDENTIALS));
        assertThat(f.manager.createPermissions(tuple(1000), BOB, List.of(Fixture.ip("198.51.100.20"))))
                .isInstanceOfSatisfying(Rejection.class,
                        r -> assertThat(r.code()).isEqualTo(StunErrorCode.WRONG_CREDENTIALS));
        assertThat(f.manager.bindChannel(tuple(1000), BOB, 0x4000, Fixture.peer("198.51.100.20", 5000)))
                .isInstanceOfSatisfying(Rejection.class,
                        r -> assertThat(r.code()).isEqualTo(StunErrorCode.WRONG_CREDENTIALS));
        assertThat(f.manager.find(tuple(1000))).isPresent();
    }

    @Test
    void refreshAskingForTheOtherFamilyIsPeerAddressFamilyMismatch() {
        f.allocated(tuple(1000));

        assertThat(f.manager.refresh(tuple(1000), ALICE, Optional.empty(), Optional.of(AddressFamily.IPV6)))
                .isInstanceOfSatisfying(Rejection.class,
                        r -> assertThat(r.code()).isEqualTo(StunErrorCode.PEER_ADDRESS_FAMILY_MISMATCH));
        assertThat(f.manager.refresh(tuple(1000), ALICE, Optional.empty(), Optional.of(AddressFamily.IPV4)))
                .isInstanceOf(RefreshOutcome.Refreshed.class);
    }

    @Test
    void perUserQuotaIsAllocationQuotaReached() {
        Fixture small = new Fixture(b -> b.maxAllocationsPerUser(2));
        small.allocate(tuple(1000), ALICE, 1);
        small.allocate(tuple(1001), ALICE, 2);

        assertThat(small.allocate(tuple(1002), ALICE, 3)).isInstanceOfSatisfying(Rejection.class,
                r -> assertThat(r.code()).isEqualTo(StunErrorCode.ALLOCATION_QUOTA_REACHED));
        assertThat(small.allocate(tuple(1003), BOB, 4)).isInstanceOf(AllocateOutcome.Allocated.class);

        small.manager.refresh(tuple(1000), ALICE, Optional.of(Duration.ZERO), Optional.empty());
        assertThat(small.allocate(tuple(1002), ALICE, 5)).isInstanceOf(AllocateOutcome.Allocated.class);
    }

    @Test
    void freshRestUsernamesOfOneUserShareItsQuota() {
        Fixture small = new Fixture(b -> b.maxAllocationsPerUser(2));
        small.allocate(tuple(1000), "1700000000:mallory", 1);
        small.allocate(tuple(1001), "1700000001:mallory", 2);

        assertThat(small.allocate(tuple(1002), "1700000002:mallory", 3)).isInstanceOfSatisfying(Rejection.class,
                r -> assertThat(r.code()).isEqualTo(StunErrorCode.ALLOCATION_QUOTA_REACHED));
        assertThat(small.allocate(tuple(1003), "1700000002:alice", 4)).isInstanceOf(AllocateOutcome.Allocated.class);
        assertThat(small.manager.allocationCount("1800000000:mallory")).isEqualTo(2);
    }

    @Test
    void perSourceQuotaHoldsWhateverTheUsernames() {
        Fixture small = new Fixture(b -> b.maxAllocationsPerSource(2));
        small.allocate(tuple(1000), ALICE, 1);
        small.allocate(tuple(1001), "1700000000:x", 2);

        assertThat(small.allocate(tuple(1002), "1700000000:y", 3)).isInstanceOfSatisfying(Rejection.class, r -> {
            assertThat(r.code()).isEqualTo(StunErrorCode.ALLOCATION_QUOTA_REACHED);
            assertThat(r.reason()).contains("address 198.51.100.7 holds 2 allocations");
        });
        FiveTuple elsewhere = new FiveTuple(new InetSocketAddress(ip("198.51.100.8"), 1000),
                tuple(1000).server(), FiveTuple.Transport.UDP);
        assertThat(small.allocate(elsewhere, BOB, 4)).isInstanceOf(AllocateOutcome.Allocated.class);

        small.manager.refresh(tuple(1000), ALICE, Optional.of(Duration.ZERO), Optional.empty());
        assertThat(small.allocate(tuple(1002), "1700000000:y", 5)).isInstanceOf(AllocateOutcome.Allocated.class);
    }

    @Test
    void serverWideQuotaIsInsufficientCapacity() {
        Fixture small = new Fixture(b -> b.maxAllocations(2).maxAllocationsPerUser(2));
        small.allocate(tuple(1000), ALICE, 1);
        small.allocate(tuple(1001), BOB, 2);

        assertThat(small.allocate(tuple(1002), "carol", 3)).isInstanceOfSatisfying(Rejection.class,
                r -> assertThat(r.code()).isEqualTo(StunErrorCode.INSUFFICIENT_CAPACITY));
    }

    @Test
    void ipv6AllocationUsesTheIpv6RelayAddress() {
        AllocateOutcome outcome = f.manager.allocate(new AllocateRequest(tuple(1000), ALICE, tx(1),
                Optional.of(AddressFamily.IPV6), Optional.empty(), PortRequest.ANY));

        assertThat(outcome).isInstanceOfSatisfying(AllocateOutcome.Allocated.class, a -> {
            assertThat(a.allocation().family()).isEqualTo(AddressFamily.IPV6);
            assertThat(a.allocation().relayedAddress().getAddress()).isEqualTo(Fixture.RELAY_V6);
        });
    }

    @Test
    void aFamilyWithoutRelayAddressIsAddressFamilyNotSupported() {
        Fixture v4only = new Fixture(b -> b.relayIps(List.of(RelayIp.of(Fixture.RELAY_BIND))));

        AllocateOutcome outcome = v4only.manager.allocate(new AllocateRequest(tuple(1000), ALICE, tx(1),
                Optional.of(AddressFamily.IPV6), Optional.empty(), PortRequest.ANY));

        assertThat(outcome).isInstanceOfSatisfying(Rejection.class,
                r -> assertThat(r.code()).isEqualTo(StunErrorCode.ADDRESS_FAMILY_NOT_SUPPORTED));
        assertThat(v4only.binder.boundCount()).isZero();
    }

    @Test
    void releaseDeletesAtOnceAsWhenATcpConnectionCloses() {
        Allocation allocation = f.allocated(tuple(1000));

        assertThat(f.manager.release(tuple(1000))).containsSame(allocation);

        assertThat(allocation.isLive()).isFalse();
        assertThat(f.binder.isBound(allocation.relayPort().localAddress())).isFalse();
        assertThat(f.manager.release(tuple(1000))).isEmpty();
    }

    @Test
    void closeReleasesEveryPort() {
        f.allocated(tuple(1000));
        f.allocate(tuple(1001), BOB, 1, new PortRequest.EvenPort(true));

        f.manager.close();

        assertThat(f.binder.boundCount()).isZero();
        assertThat(f.manager.allocationCount()).isZero();
    }
}
