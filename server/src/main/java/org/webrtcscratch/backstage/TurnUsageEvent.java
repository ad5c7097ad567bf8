package org.webrtcscratch.backstage;

import java.math.BigDecimal;
import org.webrtcscratch.signaling.ServerSideEvent;

/**
 * What an allocation of the observing peer relayed since it was made ({@code kind: turn-usage}): application
 * bytes and datagrams, client to peers and peers to client.
 */
record TurnUsageEvent(BigDecimal at, String transport, String clientAddress, String relayedAddress,
                      long bytesToPeer, long packetsToPeer, long bytesToClient, long packetsToClient)
        implements ServerSideEvent {

    @Override
    public String kind() {
        return "turn-usage";
    }
}
