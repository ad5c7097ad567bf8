package org.webrtcscratch.turn.policy;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which peer addresses a client may relay to. RFC 8656 §10.2 and §12.2 let the server refuse an
 * XOR-PEER-ADDRESS with 403 (Forbidden), and its Security Considerations (§21) warn against letting clients
 * reach hosts behind the server. The rules, first match wins:
 * <ol>
 *   <li>ranges that are never a unicast destination (unspecified, multicast, broadcast, reserved): denied;</li>
 *   <li>an entry of {@code denied}: denied (operators list the server's own public addresses here);</li>
 *   <li>an entry of {@code allowed}: allowed;</li>
 *   <li>one of the server's {@code own} addresses (its interfaces, relay and external addresses): denied, so
 *       that a client cannot reach services on the TURN host through its public address;</li>
 *   <li>loopback unless {@code allowLoopback}; private, CGNAT and unique-local unless {@code allowPrivate};
 *       link-local always (it holds cloud metadata services): denied;</li>
 *   <li>anything else: allowed.</li>
 * </ol>
 * An IPv6 address that carries an IPv4 one ({@link EmbeddedIpv4}: mapped, compatible, NAT64, 6to4, Teredo)
 * is allowed only if both it and the IPv4 address are. Immutable and thread-safe.
 */
public record PeerAddressPolicy(boolean allowLoopback, boolean allowPrivate, List<Cidr> allowed, List<Cidr> denied,
        List<InetAddress> own) {

    public PeerAddressPolicy {
        allowed = List.copyOf(allowed);
        denied = List.copyOf(denied);
        own = own.stream().map(EmbeddedIpv4::unmap).distinct().toList();
    }

    /** With no own addresses known yet: the server adds them when it starts ({@link #withOwn}). */
    public PeerAddressPolicy(boolean allowLoopback, boolean allowPrivate, List<Cidr> allowed, List<Cidr> denied) {
        this(allowLoopback, allowPrivate, allowed, denied, List.of());
    }

    /** This policy, denying {@code addresses} as the server's own as well. */
    public PeerAddressPolicy withOwn(List<InetAddress> addresses) {
        return new PeerAddressPolicy(allowLoopback, allowPrivate, allowed, denied,
                Stream.concat(own.stream(), addresses.stream()).toList());
    }

    /** The default policy: only public unicast addresses. */
    public static PeerAddressPolicy publicOnly() {
        return new PeerAddressPolicy(false, false, List.of(), List.of());
    }

    public PeerVerdict check(InetAddress peer) {
        PeerVerdict direct = checkOne(peer);
        if (!direct.allowed()) {
            return direct;
        }
        Optional<EmbeddedIpv4> embedded = EmbeddedIpv4.in(peer);
        if (embedded.isEmpty()) {
            return direct;
        }
        EmbeddedIpv4 inner = embedded.get();
        PeerVerdict viaIpv4 = checkOne(inner.ipv4());
        return viaIpv4.allowed() ? viaIpv4 : PeerVerdict.deny(peer.getHostAddress() + " carries "
                + inner.ipv4().getHostAddress() + " (" + inner.mechanism() + "): " + viaIpv4.reason());
    }

    private PeerVerdict checkOne(InetAddress peer) {
        String host = peer.getHostAddress();
        Optional<SpecialPurposeRange> range = SpecialPurposeRange.of(peer);
        if (range.isPresent() && range.get().opener() == SpecialPurposeRange.Opener.NOTHING) {
            return PeerVerdict.deny(host + " is " + range.get() + ", never a relay target");
        }
        for (Cidr cidr : denied) {
            if (cidr.contains(peer)) {
                return PeerVerdict.deny(host + " is in the denied peers " + cidr);
            }
        }
        for (Cidr cidr : allowed) {
            if (cidr.contains(peer)) {
                return PeerVerdict.allow();
            }
        }
        if (own.contains(EmbeddedIpv4.unmap(peer))) {
            return PeerVerdict.deny(host + " is an address of this server");
        }
        if (range.isEmpty()) {
            return PeerVerdict.allow();
        }
        return switch (range.get().opener()) {
            case ALLOW_LOOPBACK_FLAG -> allowLoopback ? PeerVerdict.allow()
                    : PeerVerdict.deny(host + " is " + range.get() + " and loopback peers are not allowed");
            case ALLOW_PRIVATE_FLAG -> allowPrivate ? PeerVerdict.allow()
                    : PeerVerdict.deny(host + " is " + range.get() + " and private peers are not allowed");
            case ALLOW_LIST, NOTHING -> PeerVerdict.deny(host + " is " + range.get()
                    + " and only an allowed-peers entry opens it");
        };
    }
}
