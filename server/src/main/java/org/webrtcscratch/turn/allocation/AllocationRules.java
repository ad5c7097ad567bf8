package org.webrtcscratch.turn.allocation;

import java.time.InstantSource;
import org.webrtcscratch.turn.event.TurnEventSink;
import org.webrtcscratch.turn.policy.PeerAddressPolicy;

/** What every allocation of one manager checks against (its clock, peer policy and limits) and tells its changes to. */
record AllocationRules(InstantSource clock, PeerAddressPolicy policy, int maxPermissions,
        long bandwidthCapBytesPerSecond, TurnEventSink events) {
}
