package org.webrtcscratch.turn.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.webrtcscratch.turn.allocation.Fixture.ALICE;
import static org.webrtcscratch.turn.allocation.Fixture.BOB;
import static org.webrtcscratch.turn.allocation.Fixture.RELAY_BIND;
import static org.webrtcscratch.turn.allocation.Fixture.tuple;
import static org.webrtcscratch.turn.allocation.Fixture.tx;

import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.stun.attr.AddressFamily;
import org.webrtcscratch.stun.attr.StunErrorCode;

class RelayPortAllocationTest {

    @Test
    void portsAreDistinctAndInsideTheRange() {
        Fixture f = new Fixture(b -> b.relayPorts(new PortRange(40000, 40009)).maxAllocationsPerUser(10));
        Set<Integer> ports = new HashSet<>();

        for (int i = 0; i < 10; i++) {
            ports.add(f.allocated(tuple(1000 + i)).relayPort().localAddress().getPort());
        }

        assertThat(ports).hasSize(10).allMatch(port -> port >= 40000 && port <= 40009);
    }

    @Test
    void anExhaustedRangeIsInsufficientCapacity() {
        Fixture f = new Fixture(b -> b.relayPorts(new PortRange(40000, 40002)));
        f.binder.takeByOtherProcess(new InetSocketAddress(RELAY_BIND, 40001));
        f.allocated(tuple(1000));
        f.allocate(tuple(1001), ALICE, 2);

        AllocateOutcome third = f.allocate(tuple(1002), ALICE, 3);

        assertThat(third).isInstanceOfSatisfying(Rejection.class, r -> {
            assertThat(r.code()).isEqualTo(StunErrorCode.INSUFFICIENT_CAPACITY);
            assertThat(r.reason()).contains("40000-40002");
        });
        assertThat(f.manager.allocationCount(ALICE)).isEqualTo(2);
    }

    @Test
    void evenPortGivesAnEvenPort() {
        Fixture f = new Fixture();

        for (int i = 0; i < 20; i++) {
            AllocateOutcome outcome = f.allocate(tuple(1000 + i), "user" + i, 1, new PortRequest.EvenPort(false));
            assertThat(outcome).isInstanceOfSatisfying(AllocateOutcome.Allocated.class, a -> {
                assertThat(a.allocation().relayedAddress().getPort() % 2).isZero();
                assertThat(a.reservationToken()).isEmpty();
            });
        }
    }

    @Test
    void evenPortFailsWhenOnlyOddPortsAreFree() {
        Fixture f = new Fixture(b -> b.relayPorts(new PortRange(40000, 40003)));
        f.binder.takeByOtherProcess(new InetSocketAddress(RELAY_BIND, 40000));
        f.binder.takeByOtherProcess(new InetSocketAddress(RELAY_BIND, 40002));

        assertThat(f.allocate(tuple(1000), ALICE, 1, new PortRequest.EvenPort(false)))
                .isInstanceOfSatisfying(Rejection.class,
                        r -> assertThat(r.code()).isEqualTo(StunErrorCode.INSUFFICIENT_CAPACITY));
        assertThat(f.allocate(tuple(1000), ALICE, 2, PortRequest.ANY)).isInstanceOf(AllocateOutcome.Allocated.class);
    }

    @Test
    void theReserveBitHoldsTheNextPortForTheToken() {
        Fixture f = new Fixture();

        var rtp = (AllocateOutcome.Allocated) f.allocate(tuple(1000), ALICE, 1, new PortRequest.EvenPort(true));
        int evenPort = rtp.allocation().relayedAddress().getPort();
        long token = rtp.reservationToken().orElseThrow();
        assertThat(evenPort % 2).isZero();
        assertThat(f.binder.isBound(new InetSocketAddress(RELAY_BIND, evenPort + 1))).isTrue();
        assertThat(f.manager.reservationCount()).isEqualTo(1);

        AllocateOutcome rtcp = f.allocate(tuple(1001), ALICE, 2, new PortRequest.ReservedPort(token));

        assertThat(rtcp).isInstanceOfSatisfying(AllocateOutcome.Allocated.class,
                a -> assertThat(a.allocation().relayedAddress().getPort()).isEqualTo(evenPort + 1));
        assertThat(f.manager.reservationCount()).isZero();
        assertThat(f.allocate(tuple(1002), ALICE, 3, new PortRequest.ReservedPort(token)))
                .isInstanceOfSatisfying(Rejection.class,
                        r -> assertThat(r.code()).isEqualTo(StunErrorCode.INSUFFICIENT_CAPACITY));
    }

    @Test
    void theReserveBitNeedsTheOddPortAboveToBeFree() {
        Fixture f = new Fixture(b -> b.relayPorts(new PortRange(40000, 40003)));
        f.binder.takeByOtherProcess(new InetSocketAddress(RELAY_BIND, 40001));

        var outcome = (AllocateOutcome.Allocated) f.allocate(tuple(1000), ALICE, 1, new PortRequest.EvenPort(true));

        assertThat(outcome.allocation().relayedAddress().getPort()).isEqualTo(40002);
        assertThat(f.binder.isBound(new InetSocketAddress(RELAY_BIND, 40000))).isFalse();
        assertThat(f.binder.isBound(new InetSocketAddress(RELAY_BIND, 40003))).isTrue();
    }

    @Test
    void aRetransmittedAllocateGetsTheSameReservationToken() {
        Fixture f = new Fixture();
        var first = (AllocateOutcome.Allocated) f.allocate(tuple(1000), ALICE, 1, new PortRequest.EvenPort(true));

        AllocateOutcome again = f.allocate(tuple(1000), ALICE, 1, new PortRequest.EvenPort(true));

        assertThat(again).isInstanceOfSatisfying(AllocateOutcome.Allocated.class, a -> {
            assertThat(a.retransmission()).isTrue();
            assertThat(a.reservationToken()).isEqualTo(first.reservationToken());
        });
        assertThat(f.manager.reservationCount()).isEqualTo(1);
    }

    @Test
    void aReservationExpiresAndItsPortIsReleased() {
        Fixture f = new Fixture();
        var rtp = (AllocateOutcome.Allocated) f.allocate(tuple(1000), ALICE, 1, new PortRequest.EvenPort(true));
        InetSocketAddress reserved = new InetSocketAddress(RELAY_BIND, rtp.allocation().relayedAddress().getPort() + 1);
        f.clock.advanceSeconds(30);

        assertThat(f.allocate(tuple(1001), BOB, 2, new PortRequest.ReservedPort(rtp.reservationToken().orElseThrow())))
                .isInstanceOfSatisfying(Rejection.class, r -> {
                    assertThat(r.code()).isEqualTo(StunErrorCode.INSUFFICIENT_CAPACITY);
                    assertThat(r.reason()).contains("RESERVATION-TOKEN");
                });
        assertThat(f.binder.isBound(reserved)).isTrue();
        f.manager.sweepExpired();
        assertThat(f.binder.isBound(reserved)).isFalse();
    }

    @Test
    void anUnknownTokenIsInsufficientCapacity() {
        Fixture f = new Fixture();

        assertThat(f.allocate(tuple(1000), ALICE, 1, new PortRequest.ReservedPort(42L)))
                .isInstanceOfSatisfying(Rejection.class,
                        r -> assertThat(r.code()).isEqualTo(StunErrorCode.INSUFFICIENT_CAPACITY));
    }
}
