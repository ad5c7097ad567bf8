package org.webrtcscratch.turn;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.webrtcscratch.net.InterfaceAddresses;
import org.webrtcscratch.stun.attr.AddressFamily;
import org.webrtcscratch.turn.allocation.RelayIp;

/**
 * Where the STUN/TURN server listens and relays from, when the command line names no exact addresses. A
 * relay socket needs a concrete address to advertise in XOR-RELAYED-ADDRESS (RFC 8656 §7.3), so a wildcard
 * listen address is resolved to this host's first usable interface address of each family.
 */
public final class LocalAddresses {

    private static final InetAddress ANY_IPV4 = literal("0.0.0.0");
    private static final InetAddress ANY_IPV6 = literal("::");

    private LocalAddresses() {
    }

    /**
     * The addresses to listen on for {@code host}: a wildcard ({@code 0.0.0.0} or {@code ::}) gives both
     * wildcards when the host has IPv6 at all, each in its own socket; anything else gives itself.
     */
    public static List<InetAddress> listenAddresses(InetAddress host) {
        if (!host.isAnyLocalAddress()) {
            return List.of(host);
        }
        return hasIpv6() ? List.of(ANY_IPV4, ANY_IPV6) : List.of(ANY_IPV4);
    }

    /**
     * Relay IPs: {@code configured} if given, else one per listen address, a wildcard replaced by this host's
     * first usable address of its family (IPv4 falls back to 127.0.0.1; IPv6 without one is left out). The
     * {@code externalIp} becomes the advertised address of the relay IP of its family (1:1 NAT).
     */
    public static List<RelayIp> relayIps(List<InetAddress> listen, List<InetAddress> configured,
            Optional<InetAddress> externalIp) {
        List<InetAddress> binds = new ArrayList<>();
        for (InetAddress address : configured.isEmpty() ? listen : configured) {
            Optional<InetAddress> bind = address.isAnyLocalAddress() ? firstUsable(AddressFamily.of(address))
                    : Optional.of(address);
            bind.filter(ip -> binds.stream().noneMatch(b -> AddressFamily.of(b) == AddressFamily.of(ip)))
                    .ifPresent(binds::add);
        }
        return binds.stream().map(bind -> new RelayIp(bind, externalIp
                .filter(external -> AddressFamily.of(external) == AddressFamily.of(bind)).orElse(bind))).toList();
    }

    /**
     * The addresses of this server that peers must not be, {@link org.webrtcscratch.turn.policy.PeerAddressPolicy}'s
     * {@code own}: every interface address, the relay and external addresses and any listen address named
     * exactly. Loopback addresses are left to the loopback rule, so {@code allowLoopbackPeers} still opens them.
     */
    public static List<InetAddress> own(TurnSettings settings) {
        List<InetAddress> own = new ArrayList<>(InterfaceAddresses.up());
        own.addAll(settings.listenAddresses());
        settings.config().allocation().relayIps().forEach(ip -> {
            own.add(ip.bind());
            own.add(ip.advertised());
        });
        settings.externalIp().ifPresent(own::add);
        return own.stream().filter(ip -> !ip.isLoopbackAddress() && !ip.isAnyLocalAddress()).distinct().toList();
    }

    private static Optional<InetAddress> firstUsable(AddressFamily family) {
        Optional<InetAddress> found = InterfaceAddresses.up().stream()
                .filter(ip -> AddressFamily.of(ip) == family)
                .filter(ip -> !ip.isLoopbackAddress() && !ip.isLinkLocalAddress() && !ip.isMulticastAddress())
                .findFirst();
        return family == AddressFamily.IPV4 ? found.or(() -> Optional.of(InetAddress.getLoopbackAddress())) : found;
    }

    private static boolean hasIpv6() {
        return InterfaceAddresses.up().stream().anyMatch(Inet6Address.class::isInstance);
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a literal address never needs a lookup", e);
        }
    }
}
