package org.webrtcscratch.turn.allocation;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.webrtcscratch.net.FiveTuple;
import org.webrtcscratch.stun.attr.AddressFamily;
import org.webrtcscratch.stun.attr.StunErrorCode;
import org.webrtcscratch.turn.event.TurnEvent;
import org.webrtcscratch.turn.event.TurnEventSink;
import org.webrtcscratch.turn.policy.ClientSource;

/**
 * All allocations of a TURN server, by 5-tuple, and the rules of the requests that
 * create and change them (RFC 8656 §7.2 Allocate, §8.2 Refresh, §10.2 CreatePermission, §12.2
 * ChannelBind). Each request method takes decoded, authenticated values and returns an outcome: the
 * success values or a {@link Rejection} with the error code to answer.
 *
 * <p>Threading: {@link #find} reads a concurrent map without locking and is meant for the relay hot path. Creating and removing allocations takes one manager-wide lock
 * (they are rare next to relayed packets); changes inside one allocation take that allocation's lock.
 * Time comes from the injected clock only; call {@link #sweepExpired()} every second or so. Quotas count
 * an expired allocation until it is swept or its 5-tuple allocates again.
 *
 * <p>Every change is told to the {@link TurnEventSink} (allocations here, permissions and channels by the
 * {@link Allocation}), stamped with the clock reading that decided it, once the locks are let go.
 */
public final class AllocationManager implements AutoCloseable {

    private final AllocationLimits limits;
    private final InstantSource clock;
    private final TurnEventSink events;
    private final AllocationRules rules;
    private final Map<AddressFamily, RelayIp> relayIps = new EnumMap<>(AddressFamily.class);
    private final RelayPortPool ports;
    private final Map<FiveTuple, Allocation> byFiveTuple = new ConcurrentHashMap<>();
    /** Allocations by {@link QuotaUser}, and by {@link ClientSource}; guarded by {@code lock}. */
    private final Map<String, Integer> countByUser = new HashMap<>();
    private final Map<InetAddress, Integer> countBySource = new HashMap<>();
    private final Object lock = new Object();

    public AllocationManager(AllocationLimits limits, RelayPortBinder binder, InstantSource clock,
            TurnEventSink events) {
        this(limits, binder, clock, new SecureRandom(), events);
    }

    /** With the randomness used for relay ports and reservation tokens given, for reproducible tests. */
    public AllocationManager(AllocationLimits limits, RelayPortBinder binder, InstantSource clock, RandomGenerator random,
            TurnEventSink events) {
        this.limits = limits.validate();
        this.clock = clock;
        this.events = events;
        this.rules = new AllocationRules(clock, limits.peerPolicy(), limits.maxPermissionsPerAllocation(),
                limits.bandwidthCapBytesPerSecond(), events);
        limits.relayIps().forEach(ip -> relayIps.put(ip.family(), ip));
        this.ports = new RelayPortPool(binder, limits.relayPorts(), limits.reservationLifetime(),
                limits.maxAllocations(), random);
    }

    /** RFC 8656 §7.2: creates an allocation, or answers a retransmitted Allocate with the first answer. */
    public AllocateOutcome allocate(AllocateRequest request) {
        Instant now;
        Allocation expired = null;
        AllocateOutcome outcome;
        synchronized (lock) {
            now = clock.instant();
            Allocation existing = byFiveTuple.get(request.fiveTuple());
            if (existing != null && existing.isLive(now)) {
                return existing.wasCreatedBy(request.transactionId()) && existing.username().equals(request.username())
                        ? new AllocateOutcome.Allocated(existing, existing.grantedLifetime(),
                                existing.reservationToken(), true)
                        : new Rejection(StunErrorCode.ALLOCATION_MISMATCH,
                                "an allocation already exists for " + request.fiveTuple());
            }
            if (existing != null && remove(existing)) {
                expired = existing;
            }
            outcome = create(request, now);
        }
        if (expired != null) {
            events.on(new TurnEvent.Expired(now, expired.fiveTuple(), expired.username()));
        }
        if (outcome instanceof AllocateOutcome.Allocated allocated) {
            events.on(new TurnEvent.Allocated(now, request.fiveTuple(), request.username(),
                    allocated.allocation().relayedAddress(), allocated.lifetime()));
        }
        return outcome;
    }

    /** A new allocation for a 5-tuple that holds none; the caller holds the lock. */
    private AllocateOutcome create(AllocateRequest request, Instant now) {
        Optional<Rejection> refused = checkPortRequest(request, now).or(() -> checkQuota(request));
        if (refused.isPresent()) {
            return refused.get();
        }
        return bindRelayPort(request, now)
                .<AllocateOutcome>map(bound -> register(request, bound))
                .orElseGet(() -> new Rejection(StunErrorCode.INSUFFICIENT_CAPACITY, "no relay port free in "
                        + limits.relayPorts() + " to satisfy " + request.port()));
    }

    /**
     * RFC 8656 §8.2: a zero {@code requestedLifetime} deletes the allocation, any other sets a new lifetime,
     * clamped as for Allocate; none means the default lifetime.
     */
    public RefreshOutcome refresh(FiveTuple fiveTuple, String username, Optional<Duration> requestedLifetime,
            Optional<AddressFamily> requestedFamily) {
        Allocation allocation = byFiveTuple.get(fiveTuple);
        Optional<Rejection> refused = checkOwner(allocation, fiveTuple, username);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (requestedFamily.isPresent() && requestedFamily.get() != allocation.family()) {
            return new Rejection(StunErrorCode.PEER_ADDRESS_FAMILY_MISMATCH, "the allocation is "
                    + allocation.family() + ", the Refresh asks for " + requestedFamily.get());
        }
        if (requestedLifetime.filter(Duration::isZero).isPresent()) {
            delete(() -> List.of(allocation), TurnEvent.DeleteCause.REFRESH);
            return new RefreshOutcome.Refreshed(allocation, Duration.ZERO);
        }
        Duration lifetime = grantLifetime(requestedLifetime);
        return allocation.extend(lifetime) ? new RefreshOutcome.Refreshed(allocation, lifetime) : expired(fiveTuple);
    }

    /** RFC 8656 §10.2: permissions for every peer IP (ports are ignored), or none. */
    public CreatePermissionOutcome createPermissions(FiveTuple fiveTuple, String username, List<InetAddress> peers) {
        Allocation allocation = byFiveTuple.get(fiveTuple);
        Optional<Rejection> refused = checkOwner(allocation, fiveTuple, username);
        return refused.isPresent() ? refused.get() : allocation.installPermissions(peers);
    }

    /** RFC 8656 §12.2: binds {@code channelNumber} to {@code peer} and installs a permission for the peer. */
    public ChannelBindOutcome bindChannel(FiveTuple fiveTuple, String username, int channelNumber,
            InetSocketAddress peer) {
        Allocation allocation = byFiveTuple.get(fiveTuple);
        Optional<Rejection> refused = checkOwner(allocation, fiveTuple, username);
        return refused.isPresent() ? refused.get() : allocation.bindChannel(channelNumber, peer);
    }

    /**
     * The allocation of {@code fiveTuple}, lock-free, for the relay path. It may have expired since the last
     * sweep: the relay methods ({@link Allocation#routeChannelData} ...) check that with the one clock reading
     * they take per packet, so a lookup does not read the clock again.
     */
    public Optional<Allocation> find(FiveTuple fiveTuple) {
        return Optional.ofNullable(byFiveTuple.get(fiveTuple));
    }

    /**
     * Deletes the allocation of {@code fiveTuple} at once, as when its TCP or TLS connection closes
     * (RFC 8656 §7: a TCP allocation ends with its connection).
     */
    public Optional<Allocation> release(FiveTuple fiveTuple) {
        return delete(() -> Optional.ofNullable(byFiveTuple.get(fiveTuple)).stream().toList(),
                TurnEvent.DeleteCause.CONNECTION_CLOSED).stream().findFirst();
    }

    /**
     * Deletes expired allocations (closing their relay ports), expired permissions and channel bindings, and
     * expired port reservations.
     *
     * @return the allocations deleted
     */
    public List<Allocation> sweepExpired() {
        Instant now = clock.instant();
        List<Allocation> expired = new ArrayList<>();
        synchronized (lock) {
            for (Allocation allocation : List.copyOf(byFiveTuple.values())) {
                if (allocation.releaseIfExpired(now)) {
                    remove(allocation);
                    expired.add(allocation);
                } else {
                    allocation.sweep(now);
                }
            }
            ports.sweep(now);
        }
        for (Allocation allocation : expired) {
            events.on(new TurnEvent.Expired(now, allocation.fiveTuple(), allocation.username()));
        }
        return expired;
    }

    public int allocationCount() {
        return byFiveTuple.size();
    }

    /** The allocations held now (some may have expired since the last sweep), lock-free. */
    public List<Allocation> allocations() {
        return List.copyOf(byFiveTuple.values());
    }

    /** Allocations counted against {@code username}'s quota (every REST username of its user together). */
    public int allocationCount(String username) {
        synchronized (lock) {
            return countByUser.getOrDefault(QuotaUser.of(username), 0);
        }
    }

    /** Ports held for a RESERVATION-TOKEN. */
    public int reservationCount() {
        synchronized (lock) {
            return ports.reservationCount();
        }
    }

    /** Deletes every allocation and reservation, releasing all relay ports. */
    @Override
    public void close() {
        delete(() -> List.copyOf(byFiveTuple.values()), TurnEvent.DeleteCause.SERVER_CLOSED);
        synchronized (lock) {
            ports.close();
        }
    }

    /** RFC 8656 §7.2: the requested lifetime, at most the maximum, at least the default. */
    Duration grantLifetime(Optional<Duration> requested) {
        Duration wanted = requested.orElse(limits.allocationLifetime());
        if (wanted.compareTo(limits.maxAllocationLifetime()) > 0) {
            return limits.maxAllocationLifetime();
        }
        return wanted.compareTo(limits.allocationLifetime()) < 0 ? limits.allocationLifetime() : wanted;
    }

    private Optional<Rejection> checkPortRequest(AllocateRequest request, Instant now) {
        if (request.port() instanceof PortRequest.ReservedPort(long token)) {
            return ports.isReserved(token, now) ? Optional.empty() : Optional.of(new Rejection(
                    StunErrorCode.INSUFFICIENT_CAPACITY, "RESERVATION-TOKEN is unknown or has expired"));
        }
        AddressFamily family = request.requestedFamily().orElse(AddressFamily.IPV4);
        return relayIps.containsKey(family) ? Optional.empty() : Optional.of(new Rejection(
                StunErrorCode.ADDRESS_FAMILY_NOT_SUPPORTED, "this server relays no " + family + " addresses"));
    }

    private Optional<Rejection> checkQuota(AllocateRequest request) {
        String username = request.username();
        int mine = countByUser.getOrDefault(QuotaUser.of(username), 0);
        if (mine >= limits.maxAllocationsPerUser()) {
            return Optional.of(new Rejection(StunErrorCode.ALLOCATION_QUOTA_REACHED, "user " + username + " holds "
                    + mine + " allocations, the limit is " + limits.maxAllocationsPerUser()));
        }
        InetAddress source = ClientSource.of(request.fiveTuple().client().getAddress());
        int fromThere = countBySource.getOrDefault(source, 0);
        if (fromThere >= limits.maxAllocationsPerSource()) {
            return Optional.of(new Rejection(StunErrorCode.ALLOCATION_QUOTA_REACHED, "address "
                    + source.getHostAddress() + " holds " + fromThere + " allocations, the limit is "
                    + limits.maxAllocationsPerSource()));
        }
        if (byFiveTuple.size() >= limits.maxAllocations()) {
            return Optional.of(new Rejection(StunErrorCode.INSUFFICIENT_CAPACITY, "the server holds "
                    + byFiveTuple.size() + " allocations, its limit"));
        }
        return Optional.empty();
    }

    private record BoundPort(RelayPort port, OptionalLong reservationToken) {
    }

    private Optional<BoundPort> bindRelayPort(AllocateRequest request, Instant now) {
        return switch (request.port()) {
            case PortRequest.ReservedPort(long token) ->
                    ports.claim(token, now).map(port -> new BoundPort(port, OptionalLong.empty()));
            case PortRequest.AnyPort any ->
                    ports.bindAny(bindIp(request)).map(port -> new BoundPort(port, OptionalLong.empty()));
            case PortRequest.EvenPort(boolean reserveNext) -> ports.bindEven(bindIp(request), reserveNext, now)
                    .map(even -> new BoundPort(even.port(), even.reservationToken()));
        };
    }

    private InetAddress bindIp(AllocateRequest request) {
        return relayIps.get(request.requestedFamily().orElse(AddressFamily.IPV4)).bind();
    }

    private AllocateOutcome.Allocated register(AllocateRequest request, BoundPort bound) {
        InetSocketAddress local = bound.port().localAddress();
        RelayIp relayIp = relayIps.get(AddressFamily.of(local.getAddress()));
        InetSocketAddress relayed = new InetSocketAddress(relayIp.advertised(), local.getPort());
        Duration lifetime = grantLifetime(request.requestedLifetime());
        Allocation allocation = new Allocation(request.fiveTuple(), request.username(), request.transactionId(),
                relayed, bound.port(), lifetime, bound.reservationToken(), rules);
        byFiveTuple.put(request.fiveTuple(), allocation);
        countByUser.merge(QuotaUser.of(request.username()), 1, Integer::sum);
        countBySource.merge(ClientSource.of(request.fiveTuple().client().getAddress()), 1, Integer::sum);
        return new AllocateOutcome.Allocated(allocation, lifetime, bound.reservationToken(), false);
    }

    /**
     * Deletes the allocations {@code which} picks under the lock, and tells of each once the lock is let go.
     *
     * @return those deleted: all picked, but for any a racing request or sweep deleted first
     */
    private List<Allocation> delete(Supplier<List<Allocation>> which, TurnEvent.DeleteCause cause) {
        Instant now;
        List<Allocation> removed = new ArrayList<>();
        synchronized (lock) {
            now = clock.instant();
            for (Allocation allocation : which.get()) {
                if (remove(allocation)) {
                    removed.add(allocation);
                }
            }
        }
        for (Allocation allocation : removed) {
            events.on(new TurnEvent.Deleted(now, allocation.fiveTuple(), allocation.username(), cause));
        }
        return removed;
    }

    /** Unindexes and releases {@code allocation}, false if it was gone already; the caller holds the lock. */
    private boolean remove(Allocation allocation) {
        if (!byFiveTuple.remove(allocation.fiveTuple(), allocation)) {
            return false;
        }
        countByUser.computeIfPresent(QuotaUser.of(allocation.username()), (user, count) -> count > 1 ? count - 1 : null);
        countBySource.computeIfPresent(ClientSource.of(allocation.fiveTuple().client().getAddress()),
                (source, count) -> count > 1 ? count - 1 : null);
        allocation.release();
        return true;
    }

    private Optional<Rejection> checkOwner(Allocation allocation, FiveTuple fiveTuple, String username) {
        if (allocation == null || !allocation.isLive(clock.instant())) {
            return Optional.of(expired(fiveTuple));
        }
        if (!allocation.username().equals(username)) {
            return Optional.of(new Rejection(StunErrorCode.WRONG_CREDENTIALS,
                    "the allocation belongs to another USERNAME"));
        }
        return Optional.empty();
    }

    private static Rejection expired(FiveTuple fiveTuple) {
        return new Rejection(StunErrorCode.ALLOCATION_MISMATCH, "no allocation for " + fiveTuple);
    }
}
