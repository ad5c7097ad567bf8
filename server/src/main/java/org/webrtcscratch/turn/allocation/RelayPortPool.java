package org.webrtcscratch.turn.allocation;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks relay ports from a range and binds them, starting at a random port (RFC 8656 §7.2 recommends
 * randomized ports, RFC 6056) and probing upward, wrapping once. Also keeps the ports reserved by
 * EVEN-PORT's R bit until a RESERVATION-TOKEN claims them or they expire (RFC 8656 §7.2, §18).
 *
 * <p>Not thread-safe: the {@link AllocationManager} calls it under its lock.
 */
final class RelayPortPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RelayPortPool.class);
    /** Attempts at drawing a token not already in use; 64-bit random collisions make more than one rare. */
    private static final int TOKEN_DRAWS = 8;

    /** An even port, and the token of the odd port above it when one was reserved. */
    record EvenPort(RelayPort port, OptionalLong reservationToken) {
    }

    private record Reservation(RelayPort port, Instant expiresAt) {
    }

    private final RelayPortBinder binder;
    private final PortRange range;
    private final Duration reservationLifetime;
    private final int maxReservations;
    private final RandomGenerator random;
    private final Map<Long, Reservation> reservations = new HashMap<>();

    RelayPortPool(RelayPortBinder binder, PortRange range, Duration reservationLifetime, int maxReservations,
            RandomGenerator random) {
        this.binder = binder;
        this.range = range;
        this.reservationLifetime = reservationLifetime;
        this.maxReservations = maxReservations;
        this.random = random;
    }

    /** Any free port of the range on {@code ip}. */
    Optional<RelayPort> bindAny(InetAddress ip) {
        int start = random.nextInt(range.size());
        for (int i = 0; i < range.size(); i++) {
            int port = range.min() + (start + i) % range.size();
            Optional<RelayPort> bound = binder.bind(new InetSocketAddress(ip, port));
            if (bound.isPresent()) {
                return bound;
            }
        }
        log.warn("no free relay port in {} on {}", range, ip.getHostAddress());
        return Optional.empty();
    }

    /**
     * A free even port on {@code ip} (EVEN-PORT, RFC 8656 §18); with {@code reserveNext}, the odd port
     * above it is bound too and held under a new reservation token.
     */
    Optional<EvenPort> bindEven(InetAddress ip, boolean reserveNext, Instant now) {
        if (reserveNext && reservations.size() >= maxReservations) {
            return Optional.empty();
        }
        int firstEven = range.min() + (range.min() & 1);
        if (firstEven > range.max()) {
            return Optional.empty();
        }
        int evens = (range.max() - firstEven) / 2 + 1;
        int start = random.nextInt(evens);
        for (int i = 0; i < evens; i++) {
            int port = firstEven + 2 * ((start + i) % evens);
            if (reserveNext && !range.contains(port + 1)) {
                continue;
            }
            Optional<RelayPort> even = binder.bind(new InetSocketAddress(ip, port));
            if (even.isEmpty()) {
                continue;
            }
            if (!reserveNext) {
                return Optional.of(new EvenPort(even.get(), OptionalLong.empty()));
            }
            Optional<RelayPort> odd = binder.bind(new InetSocketAddress(ip, port + 1));
            if (odd.isPresent()) {
                long token = newToken();
                reservations.put(token, new Reservation(odd.get(), now.plus(reservationLifetime)));
                return Optional.of(new EvenPort(even.get(), OptionalLong.of(token)));
            }
            even.get().close();
        }
        log.warn("no free even relay port{} in {} on {}", reserveNext ? " pair" : "", range, ip.getHostAddress());
        return Optional.empty();
    }

    boolean isReserved(long token, Instant now) {
        Reservation reservation = reservations.get(token);
        return reservation != null && now.isBefore(reservation.expiresAt());
    }

    /** The port reserved under {@code token}, handed over to the caller, if the reservation is still good. */
    Optional<RelayPort> claim(long token, Instant now) {
        if (!isReserved(token, now)) {
            return Optional.empty();
        }
        return Optional.of(reservations.remove(token).port());
    }

    int reservationCount() {
        return reservations.size();
    }

    /** Releases the ports of expired reservations. */
    void sweep(Instant now) {
        reservations.values().removeIf(reservation -> {
            boolean expired = !now.isBefore(reservation.expiresAt());
            if (expired) {
                reservation.port().close();
            }
            return expired;
        });
    }

    @Override
    public void close() {
        reservations.values().forEach(reservation -> reservation.port().close());
        reservations.clear();
    }

    private long newToken() {
        for (int i = 0; i < TOKEN_DRAWS; i++) {
            long token = random.nextLong();
            if (!reservations.containsKey(token)) {
                return token;
            }
        }
        throw new IllegalStateException("could not draw an unused reservation token in " + TOKEN_DRAWS + " tries");
    }
}
