package org.webrtcscratch.turn.allocation;

import java.net.InetSocketAddress;

/**
 * What to do with data from the client, carried by a Send indication (RFC 8656 §11.2) or a ChannelData
 * message (§12.6): send it from the relayed address to a peer, or drop it.
 */
public sealed interface ClientToPeer permits ClientToPeer.Forward, Dropped {

    /** Send the data as one UDP datagram from the allocation's relay port to {@code peer}. */
    record Forward(InetSocketAddress peer) implements ClientToPeer {
    }
}
