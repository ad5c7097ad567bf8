package org.webrtcscratch.turn.allocation;

/**
 * What to do with a datagram a peer sent to the relayed address (RFC 8656 §11.3, §12.5): pass it to the
 * client in a ChannelData message when the peer has a channel, else in a Data indication, or drop it.
 */
public sealed interface PeerToClient permits PeerToClient.ViaChannel, PeerToClient.ViaDataIndication, Dropped {

    /** The single {@link ViaDataIndication} value. */
    ViaDataIndication DATA_INDICATION = new ViaDataIndication();

    /** Wrap the data in a ChannelData message with this channel number (RFC 8656 §12.4). */
    record ViaChannel(int channelNumber) implements PeerToClient {
    }

    /** Wrap the data in a Data indication with XOR-PEER-ADDRESS set to the peer (RFC 8656 §11.3). */
    record ViaDataIndication() implements PeerToClient {
    }
}
