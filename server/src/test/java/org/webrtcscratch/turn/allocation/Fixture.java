package org.webrtcscratch.turn.allocation;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.webrtcscratch.net.FiveTuple;
import org.webrtcscratch.turn.SettableClock;
import org.webrtcscratch.turn.TurnConfig;
import org.webrtcscratch.turn.event.RecordingSink;

/** A manager on an in-memory binder and a settable clock, with helpers for requests. */
final class Fixture {

    static final InetAddress RELAY_BIND = ip("10.0.0.5");
    static final InetAddress RELAY_PUBLIC = ip("203.0.113.1");
    static final InetAddress RELAY_V6 = ip("2001:db8::1");
    static final PortRange PORTS = new PortRange(50000, 50099);
    static final String ALICE = "alice";
    static final String BOB = "bob";

    final SettableClock clock = SettableClock.atEpochSecond(1_700_000_000);
    final InMemoryRelayPortBinder binder = new InMemoryRelayPortBinder();
    final RecordingSink events = new RecordingSink();
    final TurnConfig config;
    final AllocationManager manager;

    Fixture() {
        this(UnaryOperator.identity());
    }

    Fixture(UnaryOperator<TurnConfig.Builder> customise) {
        config = customise.apply(TurnConfig.builder()
                .relayIps(List.of(new RelayIp(RELAY_BIND, RELAY_PUBLIC), RelayIp.of(RELAY_V6)))
                .relayPorts(PORTS)).build();
        manager = new AllocationManager(config.allocation(), binder, clock, new SplittableRandom(7), events);
    }

    static FiveTuple tuple(int clientPort) {
        return new FiveTuple(new InetSocketAddress(ip("198.51.100.7"), clientPort),
                new InetSocketAddress(ip("203.0.113.1"), 3478), FiveTuple.Transport.UDP);
    }

    static byte[] tx(int n) {
        byte[] id = new byte[AllocateRequest.TRANSACTION_ID_LENGTH];
        id[0] = (byte) (n >>> 8);
        id[11] = (byte) n;
        return id;
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    static InetSocketAddress peer(String literal, int port) {
        return new InetSocketAddress(ip(literal), port);
    }

    AllocateOutcome allocate(FiveTuple tuple, String user, int txn) {
        return manager.allocate(AllocateRequest.of(tuple, user, tx(txn)));
    }

    AllocateOutcome allocate(FiveTuple tuple, String user, int txn, PortRequest port) {
        return manager.allocate(new AllocateRequest(tuple, user, tx(txn), Optional.empty(), Optional.empty(), port));
    }

    /** Allocates for {@code tuple} as alice and returns the allocation, failing the test if refused. */
    Allocation allocated(FiveTuple tuple) {
        return allocated(tuple, config.allocation().allocationLifetime());
    }

    /** As {@link #allocated(FiveTuple)}, asking for {@code lifetime}. */
    Allocation allocated(FiveTuple tuple, Duration lifetime) {
        var request = new AllocateRequest(tuple, ALICE, tx(1), Optional.empty(), Optional.of(lifetime),
                PortRequest.ANY);
        return switch (manager.allocate(request)) {
            case AllocateOutcome.Allocated allocated -> allocated.allocation();
            case Rejection refused -> throw new AssertionError("Allocate refused: " + refused);
        };
    }
}
