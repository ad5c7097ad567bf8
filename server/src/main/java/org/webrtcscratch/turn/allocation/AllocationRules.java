package org.webrtcscratch.turn.allocation;

import java.time.InstantSource;
import org.webrtcscratch.turn.policy.PeerAddressPolicy;

/** What every allocation of one manager checks against: its clock, peer policy and limits. */
record AllocationRules(InstantSource clock, PeerAddressPolicy policy, int maxPermissions,
        long bandwidthCapBytesPerSecond) {
}
