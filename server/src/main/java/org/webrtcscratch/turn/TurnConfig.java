package org.webrtcscratch.turn;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.webrtcscratch.turn.allocation.AllocationLimits;
import org.webrtcscratch.turn.allocation.PortRange;
import org.webrtcscratch.turn.allocation.Problems;
import org.webrtcscratch.turn.allocation.RelayIp;
import org.webrtcscratch.turn.auth.GuessLimits;
import org.webrtcscratch.turn.policy.Cidr;
import org.webrtcscratch.turn.policy.PeerAddressPolicy;
import org.webrtcscratch.turn.transport.TcpLimits;

/**
 * Settings of the TURN server's state and policy. Build with {@link #builder()}, which starts from the
 * defaults below and validates on {@link Builder#build()}.
 *
 * @param realm                       REALM of the long-term credential mechanism (RFC 8489 §9.2, §14.9)
 * @param allocation                  what allocations may get ({@link AllocationLimits}; the four peer settings
 *                                    make its {@code peerPolicy}); the builder sets its parts, with these
 *                                    defaults:
 *     <ul>
 *       <li>{@code relayIps}: where relay sockets bind, at most one per address family
 *       <li>{@code relayPorts}: relay port range. Default 61000-65535: Linux hands out ephemeral ports from
 *           32768-60999 ({@code net.ipv4.ip_local_port_range}), so the IANA dynamic range 49152-65535
 *           would race the kernel for ports
 *       <li>{@code allocationLifetime}: lifetime granted when the client asks for less or nothing; 600 s, the
 *           RFC 8656 §7.2 default
 *       <li>{@code maxAllocationLifetime}: the most a client can get by asking (RFC 8656 §7.2); default 3600 s
 *       <li>{@code reservationLifetime}: how long a port reserved by EVEN-PORT's R bit is held (RFC 8656 §7.2
 *           suggests about 30 s)
 *       <li>{@code maxAllocations}: allocations on this server; past it Allocate gets 508
 *       <li>{@code maxAllocationsPerUser}: allocations per user (every REST API username of one user together);
 *           past it Allocate gets 486 (RFC 8656 §7.2)
 *       <li>{@code maxAllocationsPerSource}: allocations per client address (IPv4, or IPv6 /64); past it 486
 *       <li>{@code maxPermissionsPerAllocation}: distinct peer IPs with a permission; past it
 *           CreatePermission and ChannelBind get 508 (RFC 8656 §10.2 "capacity limit")
 *       <li>{@code bandwidthCapBytesPerSecond}: relayed bytes per second per allocation, each direction on
 *           its own; 0 for no cap
 *       <li>{@code allowLoopbackPeers}: relay to 127/8 and ::1 (tests and single-host demos only)
 *       <li>{@code allowPrivatePeers}: relay to RFC 1918, CGNAT and unique-local peers (LAN deployments)
 *       <li>{@code allowedPeers}: peer prefixes always allowed (except never-unicast ranges)
 *       <li>{@code deniedPeers}: peer prefixes always denied; put the server's own addresses here
 *     </ul>
 * @param nonceLifetime               how long a NONCE stays good before 438 (Stale Nonce)
 * @param unauthorizedLimit           401 answers per source (IPv4 address or IPv6 /64) per window; default
 *                                    200 per 10 s, since every allocation starts with a 401 and many clients can
 *                                    share one NAT address, while 20 answers a second of ~100 bytes reflect
 *                                    too little to matter
 * @param unauthorizedWindow          the window of {@code unauthorizedLimit}
 * @param unauthorizedTrackedSources  sources the 401 limiter remembers; bounds its memory
 * @param credentialTtl               lifetime of TURN REST credentials handed out by the signaling server
 * @param guessLimits                 lockouts of sources and usernames that send wrong credentials
 *                                    ({@link GuessLimits#DEFAULTS})
 * @param tcp                         what clients over TCP may hold ({@link TcpLimits#DEFAULTS})
 * @param maxCredentialLifetime       the longest a TURN REST credential may still have to live when it is used:
 *                                    one whose expiry is further away is refused (401) as if unknown, so that a
 *                                    leaked secret or a careless minting service cannot make credentials that
 *                                    live for days; at least {@code credentialTtl}
 * @param credentialRefreshInterval   the shortest time between two credential refreshes of one signaling
 *                                    connection ({@code refresh-ice-servers}) that are answered
 */
public record TurnConfig(
        String realm,
        AllocationLimits allocation,
        Duration nonceLifetime,
        int unauthorizedLimit,
        Duration unauthorizedWindow,
        int unauthorizedTrackedSources,
        Duration credentialTtl,
        GuessLimits guessLimits,
        TcpLimits tcp,
        Duration maxCredentialLifetime,
        Duration credentialRefreshInterval) {

    /** Minutes, not hours: a credential that leaks (a shared trace, a browser extension) is soon worthless. */
    public static final Duration DEFAULT_CREDENTIAL_TTL = Duration.ofMinutes(10);
    /**
     * A day, the lifetime the TURN REST API draft recommends and minting services (and coturn's
     * turnutils_uclient) use, plus five minutes for a minting machine whose clock is ahead: longer is refused.
     */
    public static final Duration DEFAULT_MAX_CREDENTIAL_LIFETIME = Duration.ofDays(1).plusMinutes(5);

    /** RFC 8489 §14.9: REALM is fewer than 128 characters, at most 763 bytes. */
    private static final int MAX_REALM_CHARACTERS = 127;

    public TurnConfig {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(allocation, "allocation");
        Objects.requireNonNull(nonceLifetime, "nonceLifetime");
        Objects.requireNonNull(unauthorizedWindow, "unauthorizedWindow");
        Objects.requireNonNull(credentialTtl, "credentialTtl");
        Objects.requireNonNull(guessLimits, "guessLimits");
        Objects.requireNonNull(tcp, "tcp");
        Objects.requireNonNull(maxCredentialLifetime, "maxCredentialLifetime");
        Objects.requireNonNull(credentialRefreshInterval, "credentialRefreshInterval");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The defaults, relaying from 127.0.0.1 only. */
    public static TurnConfig defaults() {
        return builder().build();
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Checks the values against each other and the protocol's limits.
     *
     * @return this configuration
     * @throws IllegalArgumentException naming every setting that is wrong, and why
     */
    public TurnConfig validate() {
        List<String> problems = new ArrayList<>(allocation.problems());
        problems.addAll(guessLimits.problems());
        problems.addAll(tcp.problems());
        if (realm.isBlank() || realm.codePointCount(0, realm.length()) > MAX_REALM_CHARACTERS
                || realm.getBytes(StandardCharsets.UTF_8).length > 763) {
            problems.add("realm must be 1-" + MAX_REALM_CHARACTERS + " characters, got '" + realm + "'");
        }
        Problems.requirePositive(problems, "nonceLifetime", nonceLifetime);
        Problems.requirePositive(problems, "unauthorizedWindow", unauthorizedWindow);
        Problems.requirePositive(problems, "credentialTtl", credentialTtl);
        Problems.requirePositive(problems, "credentialRefreshInterval", credentialRefreshInterval);
        if (maxCredentialLifetime.compareTo(credentialTtl) < 0) {
            problems.add("maxCredentialLifetime (" + maxCredentialLifetime + ") must be at least credentialTtl ("
                    + credentialTtl + "): the server would refuse the credentials it hands out");
        }
        Problems.requireAtLeastOne(problems, "unauthorizedLimit", unauthorizedLimit);
        Problems.requireAtLeastOne(problems, "unauthorizedTrackedSources", unauthorizedTrackedSources);
        Problems.throwIfAny("TURN configuration", problems);
        return this;
    }

    /** Builds a {@link TurnConfig}, starting from the defaults. */
    public static final class Builder {
        private String realm = "webrtc-scratch";
        private List<RelayIp> relayIps = List.of(RelayIp.of(InetAddress.getLoopbackAddress()));
        private PortRange relayPorts = new PortRange(61000, 65535);
        private Duration allocationLifetime = Duration.ofSeconds(600);
        private Duration maxAllocationLifetime = Duration.ofSeconds(3600);
        private Duration reservationLifetime = Duration.ofSeconds(30);
        private int maxAllocations = 4000;
        private int maxAllocationsPerUser = 32;
        private int maxAllocationsPerSource = 500;
        private int maxPermissionsPerAllocation = 64;
        private long bandwidthCapBytesPerSecond;
        private boolean allowLoopbackPeers;
        private boolean allowPrivatePeers;
        private List<Cidr> allowedPeers = List.of();
        private List<Cidr> deniedPeers = List.of();
        private Duration nonceLifetime = Duration.ofSeconds(600);
        private int unauthorizedLimit = 200;
        private Duration unauthorizedWindow = Duration.ofSeconds(10);
        private int unauthorizedTrackedSources = 10_000;
        private Duration credentialTtl = DEFAULT_CREDENTIAL_TTL;
        private Duration maxCredentialLifetime = DEFAULT_MAX_CREDENTIAL_LIFETIME;
        private Duration credentialRefreshInterval = Duration.ofSeconds(10);
        private GuessLimits guessLimits = GuessLimits.DEFAULTS;
        private TcpLimits tcp = TcpLimits.DEFAULTS;

        private Builder() {
        }

        private Builder(TurnConfig c) {
            AllocationLimits a = c.allocation;
            realm = c.realm;
            relayIps = a.relayIps();
            relayPorts = a.relayPorts();
            allocationLifetime = a.allocationLifetime();
            maxAllocationLifetime = a.maxAllocationLifetime();
            reservationLifetime = a.reservationLifetime();
            maxAllocations = a.maxAllocations();
            maxAllocationsPerUser = a.maxAllocationsPerUser();
            maxAllocationsPerSource = a.maxAllocationsPerSource();
            maxPermissionsPerAllocation = a.maxPermissionsPerAllocation();
            bandwidthCapBytesPerSecond = a.bandwidthCapBytesPerSecond();
            allowLoopbackPeers = a.peerPolicy().allowLoopback();
            allowPrivatePeers = a.peerPolicy().allowPrivate();
            allowedPeers = a.peerPolicy().allowed();
            deniedPeers = a.peerPolicy().denied();
            nonceLifetime = c.nonceLifetime;
            unauthorizedLimit = c.unauthorizedLimit;
            unauthorizedWindow = c.unauthorizedWindow;
            unauthorizedTrackedSources = c.unauthorizedTrackedSources;
            credentialTtl = c.credentialTtl;
            maxCredentialLifetime = c.maxCredentialLifetime;
            credentialRefreshInterval = c.credentialRefreshInterval;
            guessLimits = c.guessLimits;
            tcp = c.tcp;
        }

        public Builder realm(String value) { realm = value; return this; }
        public Builder relayIps(List<RelayIp> value) { relayIps = value; return this; }
        public Builder relayPorts(PortRange value) { relayPorts = value; return this; }
        public Builder allocationLifetime(Duration value) { allocationLifetime = value; return this; }
        public Builder maxAllocationLifetime(Duration value) { maxAllocationLifetime = value; return this; }
        public Builder reservationLifetime(Duration value) { reservationLifetime = value; return this; }
        public Builder maxAllocations(int value) { maxAllocations = value; return this; }
        public Builder maxAllocationsPerUser(int value) { maxAllocationsPerUser = value; return this; }
        public Builder maxAllocationsPerSource(int value) { maxAllocationsPerSource = value; return this; }
        public Builder maxPermissionsPerAllocation(int value) { maxPermissionsPerAllocation = value; return this; }
        public Builder bandwidthCapBytesPerSecond(long value) { bandwidthCapBytesPerSecond = value; return this; }
        public Builder allowLoopbackPeers(boolean value) { allowLoopbackPeers = value; return this; }
        public Builder allowPrivatePeers(boolean value) { allowPrivatePeers = value; return this; }
        public Builder allowedPeers(List<Cidr> value) { allowedPeers = value; return this; }
        public Builder deniedPeers(List<Cidr> value) { deniedPeers = value; return this; }
        public Builder nonceLifetime(Duration value) { nonceLifetime = value; return this; }
        public Builder unauthorizedLimit(int value) { unauthorizedLimit = value; return this; }
        public Builder unauthorizedWindow(Duration value) { unauthorizedWindow = value; return this; }
        public Builder unauthorizedTrackedSources(int value) { unauthorizedTrackedSources = value; return this; }
        public Builder credentialTtl(Duration value) { credentialTtl = value; return this; }
        public Builder maxCredentialLifetime(Duration value) { maxCredentialLifetime = value; return this; }
        public Builder credentialRefreshInterval(Duration value) { credentialRefreshInterval = value; return this; }
        public Builder guessLimits(GuessLimits value) { guessLimits = value; return this; }
        public Builder tcp(TcpLimits value) { tcp = value; return this; }

        /** The configuration, validated ({@link TurnConfig#validate()}). */
        public TurnConfig build() {
            AllocationLimits allocation = new AllocationLimits(relayIps, relayPorts, allocationLifetime,
                    maxAllocationLifetime, reservationLifetime, maxAllocations, maxAllocationsPerUser,
                    maxAllocationsPerSource, maxPermissionsPerAllocation, bandwidthCapBytesPerSecond,
                    new PeerAddressPolicy(allowLoopbackPeers, allowPrivatePeers, allowedPeers, deniedPeers));
            return new TurnConfig(realm, allocation, nonceLifetime, unauthorizedLimit, unauthorizedWindow,
                    unauthorizedTrackedSources, credentialTtl, guessLimits, tcp, maxCredentialLifetime,
                    credentialRefreshInterval).validate();
        }
    }
}
