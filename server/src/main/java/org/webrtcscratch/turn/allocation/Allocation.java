package org.webrtcscratch.turn.allocation;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.webrtcscratch.net.FiveTuple;
import org.webrtcscratch.stun.attr.AddressFamily;
import org.webrtcscratch.stun.attr.StunErrorCode;
import org.webrtcscratch.turn.event.TurnEvent;
import org.webrtcscratch.turn.policy.EmbeddedIpv4;
import org.webrtcscratch.turn.policy.PeerVerdict;
import org.webrtcscratch.turn.proto.ChannelData;

/**
 * One TURN allocation (RFC 8656 §6): a relayed transport address held for a client's 5-tuple, with its
 * permissions (§9) and channel bindings (§12). Created and removed by {@link AllocationManager}.
 *
 * <p>The relay hot path ({@link #routeSend}, {@link #routeChannelData}, {@link #routeFromPeer}) reads
 * concurrent maps and volatile fields without locking, and the clock once per datagram. Changes (permissions,
 * bindings, lifetime) take this allocation's lock, so a check-then-change such as "is channel 0x4001 free?" is
 * atomic; each is told as a {@link TurnEvent} once the lock is let go.
 *
 * <p>Peer addresses are normalised ({@link EmbeddedIpv4#unmap}) where permissions and bindings are made, not
 * per datagram: the addresses the relay path gets come from the JDK (a socket's source address, or
 * XOR-PEER-ADDRESS decoded through {@code InetAddress.getByAddress}), which already turns {@code ::ffff:a.b.c.d}
 * into an {@code Inet4Address}. A mapped form that got through anyway would match no permission: it is dropped.
 */
public final class Allocation {

    private final FiveTuple fiveTuple;
    private final String username;
    private final byte[] transactionId;
    private final InetSocketAddress relayedAddress;
    private final RelayPort relayPort;
    private final Duration grantedLifetime;
    private final OptionalLong reservationToken;
    private final AllocationRules rules;
    private final BandwidthLimiter toPeerCap;
    private final BandwidthLimiter toClientCap;
    private final Permissions permissions = new Permissions();
    private final ChannelBindings channels = new ChannelBindings();
    private final RelayedTraffic traffic = new RelayedTraffic();
    private final Object lock = new Object();
    private volatile Instant expiresAt;
    private volatile boolean released;

    Allocation(FiveTuple fiveTuple, String username, byte[] transactionId, InetSocketAddress relayedAddress,
            RelayPort relayPort, Duration lifetime, OptionalLong reservationToken, AllocationRules rules) {
        this.fiveTuple = fiveTuple;
        this.username = username;
        this.transactionId = transactionId.clone();
        this.relayedAddress = relayedAddress;
        this.relayPort = relayPort;
        this.grantedLifetime = lifetime;
        this.reservationToken = reservationToken;
        this.rules = rules;
        long cap = rules.bandwidthCapBytesPerSecond();
        this.toPeerCap = cap > 0 ? new BandwidthLimiter(cap) : null;
        this.toClientCap = cap > 0 ? new BandwidthLimiter(cap) : null;
        this.expiresAt = rules.clock().instant().plus(lifetime);
    }

    public FiveTuple fiveTuple() {
        return fiveTuple;
    }

    /** The USERNAME that created the allocation; later requests must use the same one (RFC 8656 §5). */
    public String username() {
        return username;
    }

    /** The relayed transport address, as clients and peers see it (XOR-RELAYED-ADDRESS). */
    public InetSocketAddress relayedAddress() {
        return relayedAddress;
    }

    public AddressFamily family() {
        return AddressFamily.of(relayedAddress.getAddress());
    }

    /** The bound relay socket; closed once the allocation is gone. */
    public RelayPort relayPort() {
        return relayPort;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** Whether the allocation is neither deleted nor past its lifetime. */
    public boolean isLive() {
        return isLive(rules.clock().instant());
    }

    /** The permissions in force now. */
    public Set<Permission> permissions() {
        return permissions.active(rules.clock().instant());
    }

    /** The channel bindings in force now. */
    public Set<ChannelBinding> channelBindings() {
        return channels.active(rules.clock().instant());
    }

    /** What the relay path counted through this allocation (the transports count it after each send). */
    public RelayedTraffic traffic() {
        return traffic;
    }

    /** Data from the client in a Send indication to {@code peer} (RFC 8656 §11.2). */
    public ClientToPeer routeSend(InetSocketAddress peer, int length) {
        Instant now = rules.clock().instant();
        if (!isLive(now)) {
            return Dropped.of(DropReason.ALLOCATION_GONE);
        }
        return forwardToPeer(peer, length, now);
    }

    /** Data from the client in a ChannelData message on {@code channelNumber} (RFC 8656 §12.6). */
    public ClientToPeer routeChannelData(int channelNumber, int length) {
        Instant now = rules.clock().instant();
        if (!isLive(now)) {
            return Dropped.of(DropReason.ALLOCATION_GONE);
        }
        ChannelBinding binding = channels.activeByNumber(channelNumber, now);
        if (binding == null) {
            return Dropped.of(DropReason.CHANNEL_NOT_BOUND);
        }
        return forwardToPeer(binding.peer(), length, now);
    }

    /** Client data for {@code peer} goes out only with a permission for it and within the bandwidth cap. */
    private ClientToPeer forwardToPeer(InetSocketAddress peer, int length, Instant now) {
        if (!permissions.allows(peer.getAddress(), now)) {
            return Dropped.of(DropReason.NO_PERMISSION);
        }
        if (toPeerCap != null && !toPeerCap.tryConsume(length, now)) {
            return Dropped.of(DropReason.BANDWIDTH_CAP);
        }
        return new ClientToPeer.Forward(peer);
    }

    /** A datagram of {@code length} bytes from {@code peer} arrived at the relay port (RFC 8656 §11.3, §12.5). */
    public PeerToClient routeFromPeer(InetSocketAddress peer, int length) {
        Instant now = rules.clock().instant();
        if (!isLive(now)) {
            return Dropped.of(DropReason.ALLOCATION_GONE);
        }
        if (!permissions.allows(peer.getAddress(), now)) {
            return Dropped.of(DropReason.NO_PERMISSION);
        }
        if (toClientCap != null && !toClientCap.tryConsume(length, now)) {
            return Dropped.of(DropReason.BANDWIDTH_CAP);
        }
        ChannelBinding binding = channels.activeByPeer(peer, now);
        return binding != null ? new PeerToClient.ViaChannel(binding.number()) : PeerToClient.DATA_INDICATION;
    }

    @Override
    public String toString() {
        return "allocation " + relayedAddress + " for " + username + " on " + fiveTuple;
    }

    // --- Changes, called by AllocationManager once it has found the allocation and checked the username ---

    /** RFC 8656 §10.2: installs or refreshes a permission for every peer, or for none. */
    CreatePermissionOutcome installPermissions(List<InetAddress> requested) {
        if (requested.isEmpty()) {
            return new Rejection(StunErrorCode.BAD_REQUEST, "CreatePermission needs at least one XOR-PEER-ADDRESS");
        }
        List<InetAddress> peers = requested.stream().map(EmbeddedIpv4::unmap).distinct().toList();
        for (InetAddress peer : peers) {
            Optional<Rejection> refused = checkPeer(peer);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        Instant now;
        List<InetAddress> created;
        synchronized (lock) {
            now = rules.clock().instant();
            if (!isLive(now)) {
                return gone();
            }
            created = permissions.missing(peers, now);
            Optional<Rejection> full = checkRoomFor(created.size(), now);
            if (full.isPresent()) {
                return full.get();
            }
            permissions.installOrRefresh(peers, now);
        }
        tellPermissions(peers, created, now);
        return new CreatePermissionOutcome.Installed(peers);
    }

    /** RFC 8656 §12.2: binds or refreshes {@code number} to {@code peer}, and installs a permission for it. */
    ChannelBindOutcome bindChannel(int number, InetSocketAddress requestedPeer) {
        if (!ChannelData.isValidChannelNumber(number)) {
            return new Rejection(StunErrorCode.BAD_REQUEST, String.format(
                    "channel number 0x%04X is outside 0x%04X-0x%04X", number,
                    ChannelData.MIN_CHANNEL_NUMBER, ChannelData.MAX_CHANNEL_NUMBER));
        }
        InetSocketAddress peer = unmap(requestedPeer);
        if (peer.getPort() == 0) {
            return new Rejection(StunErrorCode.BAD_REQUEST, "peer " + peer + " has port 0");
        }
        Optional<Rejection> refused = checkPeer(peer.getAddress());
        if (refused.isPresent()) {
            return refused.get();
        }
        Instant now;
        List<InetAddress> peerIp = List.of(peer.getAddress());
        List<InetAddress> created;
        boolean renewed;
        ChannelBinding binding;
        synchronized (lock) {
            now = rules.clock().instant();
            if (!isLive(now)) {
                return gone();
            }
            Optional<String> conflict = channels.conflict(number, peer, now);
            if (conflict.isPresent()) {
                return new Rejection(StunErrorCode.BAD_REQUEST, conflict.get());
            }
            created = permissions.missing(peerIp, now);
            Optional<Rejection> full = checkRoomFor(created.size(), now);
            if (full.isPresent()) {
                return full.get();
            }
            // No conflict, so a binding of this number in force is one to this very peer.
            renewed = channels.activeByNumber(number, now) != null;
            permissions.installOrRefresh(peerIp, now);
            binding = channels.bind(number, peer, now);
        }
        tellPermissions(peerIp, created, now);
        rules.events().on(new TurnEvent.ChannelBound(now, fiveTuple, username, number, peer, renewed));
        return new ChannelBindOutcome.Bound(binding);
    }

    /** Sets the time to expiry to {@code lifetime} from now; false if the allocation is already gone. */
    boolean extend(Duration lifetime) {
        Instant now;
        synchronized (lock) {
            now = rules.clock().instant();
            if (!isLive(now)) {
                return false;
            }
            expiresAt = now.plus(lifetime);
        }
        rules.events().on(new TurnEvent.Refreshed(now, fiveTuple, username, lifetime));
        return true;
    }

    /** Marks the allocation gone if its lifetime has run out; true if it did so. */
    boolean releaseIfExpired(Instant now) {
        synchronized (lock) {
            if (released || isLive(now)) {
                return false;
            }
            released = true;
        }
        relayPort.close();
        return true;
    }

    /** Marks the allocation gone and closes its relay port; idempotent. */
    void release() {
        synchronized (lock) {
            released = true;
        }
        relayPort.close();
    }

    void sweep(Instant now) {
        synchronized (lock) {
            permissions.sweep(now);
            channels.sweep(now);
        }
    }

    boolean isLive(Instant now) {
        return !released && now.isBefore(expiresAt);
    }

    boolean wasCreatedBy(byte[] allocateTransactionId) {
        return Arrays.equals(transactionId, allocateTransactionId);
    }

    Duration grantedLifetime() {
        return grantedLifetime;
    }

    OptionalLong reservationToken() {
        return reservationToken;
    }

    private Optional<Rejection> checkPeer(InetAddress peer) {
        if (AddressFamily.of(peer) != family()) {
            return Optional.of(new Rejection(StunErrorCode.PEER_ADDRESS_FAMILY_MISMATCH, "peer " + peer.getHostAddress()
                    + " is " + AddressFamily.of(peer) + ", the relayed address is " + family()));
        }
        PeerVerdict verdict = rules.policy().check(peer);
        return verdict.allowed() ? Optional.empty()
                : Optional.of(new Rejection(StunErrorCode.FORBIDDEN, verdict.reason()));
    }

    private Optional<Rejection> checkRoomFor(int missing, Instant now) {
        long wanted = permissions.activeCount(now) + missing;
        if (wanted > rules.maxPermissions()) {
            return Optional.of(new Rejection(StunErrorCode.INSUFFICIENT_CAPACITY, "allocation would hold " + wanted
                    + " permissions, the limit is " + rules.maxPermissions()));
        }
        return Optional.empty();
    }

    private void tellPermissions(List<InetAddress> peers, List<InetAddress> created, Instant now) {
        for (InetAddress peer : peers) {
            rules.events().on(created.contains(peer)
                    ? new TurnEvent.PermissionCreated(now, fiveTuple, username, peer)
                    : new TurnEvent.PermissionRefreshed(now, fiveTuple, username, peer));
        }
    }

    private static Rejection gone() {
        return new Rejection(StunErrorCode.ALLOCATION_MISMATCH, "the allocation has expired");
    }

    private static InetSocketAddress unmap(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        InetAddress plain = EmbeddedIpv4.unmap(ip);
        return plain == ip ? address : new InetSocketAddress(plain, address.getPort());
    }
}
