package org.webrtcscratch.turn.policy;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Address blocks a TURN server must not relay to by default, from the IANA IPv4 and IPv6 Special-Purpose
 * Address Registries (RFC 6890). Relaying to them would let a client reach the server's own host or the
 * network behind it (RFC 8656 §21, Security Considerations), so each block says what
 * may open it. Checked in declaration order, so the most specific reason comes first.
 */
public enum SpecialPurposeRange {
    UNSPECIFIED("'this network' or unspecified (RFC 1122 §3.2.1.3, RFC 4291 §2.5.2)", Opener.NOTHING,
            "0.0.0.0/8", "::/128"),
    LOOPBACK("loopback (RFC 1122 §3.2.1.3, RFC 4291 §2.5.3)", Opener.ALLOW_LOOPBACK_FLAG,
            "127.0.0.0/8", "::1/128"),
    PRIVATE("private (RFC 1918)", Opener.ALLOW_PRIVATE_FLAG,
            "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"),
    SHARED("shared address space, carrier-grade NAT (RFC 6598)", Opener.ALLOW_PRIVATE_FLAG,
            "100.64.0.0/10"),
    UNIQUE_LOCAL("unique local (RFC 4193)", Opener.ALLOW_PRIVATE_FLAG,
            "fc00::/7"),
    SITE_LOCAL("site-local, deprecated (RFC 3879)", Opener.ALLOW_PRIVATE_FLAG,
            "fec0::/10"),
    LOCAL_NAT64("local-use NAT64 (RFC 8215)", Opener.ALLOW_PRIVATE_FLAG,
            "64:ff9b:1::/48"),
    LINK_LOCAL("link-local (RFC 3927, RFC 4291 §2.5.6)", Opener.ALLOW_LIST,
            "169.254.0.0/16", "fe80::/10"),
    IETF_PROTOCOL("IETF protocol assignments (RFC 6890 §2.2.2)", Opener.ALLOW_LIST,
            "192.0.0.0/24"),
    BENCHMARKING("network interconnect device benchmark testing (RFC 2544), used inside labs and clouds",
            Opener.ALLOW_LIST, "198.18.0.0/15"),
    DISCARD("discard-only (RFC 6666)", Opener.NOTHING,
            "100::/64"),
    MULTICAST("multicast (RFC 5771, RFC 4291 §2.7)", Opener.NOTHING,
            "224.0.0.0/4", "ff00::/8"),
    BROADCAST("limited broadcast (RFC 919)", Opener.NOTHING,
            "255.255.255.255/32"),
    RESERVED("reserved for future use (RFC 1112 §4)", Opener.NOTHING,
            "240.0.0.0/4");

    /** What can open a range that is closed by default. */
    public enum Opener {
        /** Never a unicast destination: no flag or list opens it. */
        NOTHING,
        /** The {@code allowLoopbackPeers} flag, or an allowed-peers entry. */
        ALLOW_LOOPBACK_FLAG,
        /** The {@code allowPrivatePeers} flag, or an allowed-peers entry. */
        ALLOW_PRIVATE_FLAG,
        /** Only an explicit allowed-peers entry (link-local holds cloud metadata services, 169.254.169.254). */
        ALLOW_LIST
    }

    private final String description;
    private final Opener opener;
    private final List<Cidr> blocks;

    SpecialPurposeRange(String description, Opener opener, String... blocks) {
        this.description = description;
        this.opener = opener;
        this.blocks = Arrays.stream(blocks).map(Cidr::parse).toList();
    }

    /** The first range that holds {@code address}, if any. */
    public static Optional<SpecialPurposeRange> of(InetAddress address) {
        for (SpecialPurposeRange range : values()) {
            if (range.contains(address)) {
                return Optional.of(range);
            }
        }
        return Optional.empty();
    }

    public boolean contains(InetAddress address) {
        for (Cidr block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    public Opener opener() {
        return opener;
    }

    @Override
    public String toString() {
        return description;
    }
}
