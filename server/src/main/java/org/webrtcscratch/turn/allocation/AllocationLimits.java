package org.webrtcscratch.turn.allocation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.webrtcscratch.turn.policy.PeerAddressPolicy;

/**
 * What {@link AllocationManager} may hand out: relay addresses and ports, lifetimes, quotas and the peer
 * policy. The TURN server's configuration holds it (and checks the values against each other); it is a
 * record of its own so that allocation state depends on nothing above it.
 *
 * @param relayIps                    where relay sockets bind, at most one per address family
 * @param relayPorts                  relay port range
 * @param allocationLifetime          lifetime granted when the client asks for less or nothing (RFC 8656 §7.2)
 * @param maxAllocationLifetime       the most a client can get by asking
 * @param reservationLifetime         how long a port reserved by EVEN-PORT's R bit is held
 * @param maxAllocations              allocations on this server; past it Allocate gets 508
 * @param maxAllocationsPerUser       allocations per user ({@link QuotaUser}: every REST API username of one
 *                                    user together); past it Allocate gets 486
 * @param maxAllocationsPerSource     allocations per client source (IPv4 address or IPv6 /64); past it 486
 * @param maxPermissionsPerAllocation distinct peer IPs with a permission; past it 508
 * @param bandwidthCapBytesPerSecond  relayed bytes per second per allocation and direction; 0 for no cap
 * @param peerPolicy                  which peers may be relayed to
 */
public record AllocationLimits(
        List<RelayIp> relayIps,
        PortRange relayPorts,
        Duration allocationLifetime,
        Duration maxAllocationLifetime,
        Duration reservationLifetime,
        int maxAllocations,
        int maxAllocationsPerUser,
        int maxAllocationsPerSource,
        int maxPermissionsPerAllocation,
        long bandwidthCapBytesPerSecond,
        PeerAddressPolicy peerPolicy) {

    /** LIFETIME is a 32-bit count of seconds (RFC 8656 §18.2). */
    private static final long MAX_LIFETIME_SECONDS = 0xFFFF_FFFFL;

    public AllocationLimits {
        relayIps = List.copyOf(relayIps);
        Objects.requireNonNull(relayPorts, "relayPorts");
        Objects.requireNonNull(allocationLifetime, "allocationLifetime");
        Objects.requireNonNull(maxAllocationLifetime, "maxAllocationLifetime");
        Objects.requireNonNull(reservationLifetime, "reservationLifetime");
        Objects.requireNonNull(peerPolicy, "peerPolicy");
    }

    /** What is wrong with these limits, alone and against each other; empty when nothing is. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (relayIps.isEmpty()) {
            problems.add("relayIps must hold at least one address");
        }
        if (relayIps.stream().map(RelayIp::family).distinct().count() != relayIps.size()) {
            problems.add("relayIps holds two addresses of one family: " + relayIps);
        }
        Problems.requirePositive(problems, "allocationLifetime", allocationLifetime);
        Problems.requirePositive(problems, "reservationLifetime", reservationLifetime);
        if (maxAllocationLifetime.compareTo(allocationLifetime) < 0
                || maxAllocationLifetime.toSeconds() > MAX_LIFETIME_SECONDS) {
            problems.add("maxAllocationLifetime (" + maxAllocationLifetime + ") must be between allocationLifetime ("
                    + allocationLifetime + ") and 2^32-1 seconds");
        }
        Problems.requireAtLeastOne(problems, "maxAllocations", maxAllocations);
        Problems.requireAtLeastOne(problems, "maxAllocationsPerUser", maxAllocationsPerUser);
        Problems.requireAtLeastOne(problems, "maxAllocationsPerSource", maxAllocationsPerSource);
        Problems.requireAtLeastOne(problems, "maxPermissionsPerAllocation", maxPermissionsPerAllocation);
        if (maxAllocationsPerUser > maxAllocations) {
            problems.add("maxAllocationsPerUser (" + maxAllocationsPerUser + ") must not exceed maxAllocations ("
                    + maxAllocations + ")");
        }
        if (bandwidthCapBytesPerSecond < 0) {
            problems.add("bandwidthCapBytesPerSecond must be 0 (no cap) or positive, got "
                    + bandwidthCapBytesPerSecond);
        }
        return problems;
    }

    /** These limits with another peer policy (the server adds its own addresses to the configured one). */
    public AllocationLimits withPeerPolicy(PeerAddressPolicy policy) {
        return new AllocationLimits(relayIps, relayPorts, allocationLifetime, maxAllocationLifetime,
                reservationLifetime, maxAllocations, maxAllocationsPerUser, maxAllocationsPerSource,
                maxPermissionsPerAllocation, bandwidthCapBytesPerSecond, policy);
    }

    /**
     * @return these limits
     * @throws IllegalArgumentException naming every problem
     */
    public AllocationLimits validate() {
        Problems.throwIfAny("allocation limits", problems());
        return this;
    }
}
