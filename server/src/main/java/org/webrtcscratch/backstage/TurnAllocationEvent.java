package org.webrtcscratch.backstage;

import java.math.BigDecimal;
import org.webrtcscratch.signaling.ServerSideEvent;

/**
 * A change to an allocation made with the observing peer's credential ({@code kind: turn-allocation}): the
 * {@code action} and the allocation's 5-tuple and relayed address, then the fields of that action (the others
 * are null, so left out): {@code lifetime} in seconds (allocated, refreshed), {@code peer} and {@code renewed}
 * (permission, channel-bound), {@code channel} (channel-bound), {@code cause} (deleted), and {@code method},
 * {@code code} and {@code reason} (refused).
 */
record TurnAllocationEvent(BigDecimal at, String action, String transport, String clientAddress,
                           String relayedAddress, Long lifetime, String peer, Integer channel, Boolean renewed,
                           String cause, String method, Integer code, String reason) implements ServerSideEvent {

    @Override
    public String kind() {
        return "turn-allocation";
    }
}
