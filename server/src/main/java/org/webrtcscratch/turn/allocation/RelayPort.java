package org.webrtcscratch.turn.allocation;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * A bound relay socket: the server end of a relayed transport address (RFC 8656 §2.2). The allocation
 * manager owns it and closes it when the allocation goes; relay loops only send and receive.
 */
public interface RelayPort extends AutoCloseable {

    /** The local address the socket is bound to (the relay bind IP and the chosen port). */
    InetSocketAddress localAddress();

    /** Sends the remaining bytes of {@code datagram} to {@code peer} as one UDP datagram. */
    void send(ByteBuffer datagram, InetSocketAddress peer) throws IOException;

    /**
     * Blocks until a datagram arrives, puts it into {@code into} and returns its source. Throws
     * {@link java.nio.channels.ClosedChannelException} (an {@code IOException}) once the port is closed, which
     * is how a relay loop learns its allocation is gone.
     */
    InetSocketAddress receive(ByteBuffer into) throws IOException;

    /** Releases the port; idempotent, never throws. */
    @Override
    void close();
}
