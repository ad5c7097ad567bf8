package org.webrtcscratch.turn.allocation;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What one allocation relayed each way: application bytes (the UDP payloads, without TURN framing) and
 * datagrams. Each direction is counted by the one thread that relays it (client to peer: the thread that reads
 * the client, its event loop or its TCP connection; peer to client: the relay port's event loop), so the counts
 * are plain fields, added to without atomics or any object per packet. They are written and read opaquely, so a
 * reader on another thread (the Behind-the-Scenes view, once a second) never sees a torn value.
 */
public final class RelayedTraffic {

    private static final VarHandle BYTES_TO_PEER = handle("bytesToPeer");
    private static final VarHandle PACKETS_TO_PEER = handle("packetsToPeer");
    private static final VarHandle BYTES_TO_CLIENT = handle("bytesToClient");
    private static final VarHandle PACKETS_TO_CLIENT = handle("packetsToClient");

    private long bytesToPeer;
    private long packetsToPeer;
    private long bytesToClient;
    private long packetsToClient;

    /** A datagram of {@code length} bytes went from the client to a peer; only on that direction's thread. */
    public void toPeer(int length) {
        BYTES_TO_PEER.setOpaque(this, bytesToPeer + length);
        PACKETS_TO_PEER.setOpaque(this, packetsToPeer + 1);
    }

    /** A datagram of {@code length} bytes went from a peer to the client; only on that direction's thread. */
    public void toClient(int length) {
        BYTES_TO_CLIENT.setOpaque(this, bytesToClient + length);
        PACKETS_TO_CLIENT.setOpaque(this, packetsToClient + 1);
    }

    /** The counts now, from any thread. */
    public Counts counts() {
        return new Counts((long) BYTES_TO_PEER.getOpaque(this), (long) PACKETS_TO_PEER.getOpaque(this),
                (long) BYTES_TO_CLIENT.getOpaque(this), (long) PACKETS_TO_CLIENT.getOpaque(this));
    }

    /** The totals each way since the allocation was made. */
    public record Counts(long bytesToPeer, long packetsToPeer, long bytesToClient, long packetsToClient) {

        public static final Counts NONE = new Counts(0, 0, 0, 0);
    }

    private static VarHandle handle(String field) {
        try {
            return MethodHandles.lookup().findVarHandle(RelayedTraffic.class, field, long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
