package org.webrtcscratch.backstage;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import org.webrtcscratch.signaling.ServerSideEvent;
import org.webrtcscratch.turn.allocation.Allocation;
import org.webrtcscratch.turn.allocation.ChannelBinding;
import org.webrtcscratch.turn.allocation.Permission;
import org.webrtcscratch.turn.allocation.RelayedTraffic;

/** One allocation as a {@code snapshot} lists it: where it is, what it allows, and what it relayed so far. */
record AllocationView(String transport, String clientAddress, String relayedAddress, BigDecimal expiresAt,
                      List<String> permissions, List<ChannelView> channels, long bytesToPeer, long packetsToPeer,
                      long bytesToClient, long packetsToClient) {

    /** A channel binding: its number and peer. */
    record ChannelView(int channel, String peer) { }

    static AllocationView of(Allocation allocation, RelayedTraffic.Counts counts) {
        return new AllocationView(TurnWatch.transport(allocation.fiveTuple()),
                Addresses.text(allocation.fiveTuple().client()), Addresses.text(allocation.relayedAddress()),
                ServerSideEvent.millis(allocation.expiresAt()),
                allocation.permissions().stream().map(Permission::peer).map(Addresses::ip).sorted().toList(),
                allocation.channelBindings().stream().sorted(Comparator.comparingInt(ChannelBinding::number))
                        .map(b -> new ChannelView(b.number(), Addresses.text(b.peer()))).toList(),
                counts.bytesToPeer(), counts.packetsToPeer(), counts.bytesToClient(), counts.packetsToClient());
    }
}
