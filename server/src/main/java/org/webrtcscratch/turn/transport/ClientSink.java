package org.webrtcscratch.turn.transport;

import java.nio.ByteBuffer;

/**
 * The way back to one client: its source address through the listening UDP socket, or its TCP connection.
 * Responses and relayed peer data both leave through it, so they reach the client from the server address
 * it talks to (RFC 8656 §11.3, §12.5: data goes "over the 5-tuple").
 */
public interface ClientSink {

    /**
     * Sends one complete message (a STUN message, or ChannelData already padded on streams); consumes the
     * buffer's remaining bytes or copies them, and never blocks on a slow client.
     */
    void send(ByteBuffer message);

    /** True over TCP, where ChannelData is padded to a multiple of 4 bytes (RFC 8656 §12.5). */
    boolean isStream();
}
