package org.webrtcscratch.signaling;

/**
 * The server's side of one connection: its transport, its rate guard and the peer it is
 * (null while not in a room). Opaque outside this package: transports only hand it back to the service.
 */
public final class Session {

    /** Names the connection in the log ({@link ConnectionLog}): short, and unique within this process. */
    final String id;
    /** The client's address for the log, read while the connection is open (a closed one may have none). */
    final String source;
    final Connection connection;
    final RateGuard rateGuard;
    private volatile Peer peer;
    /** Set while this connection observes the server ({@link Observers}); read by this connection's thread. */
    private Observer observer;
    /** {@link SignalingClock#nanoTime()} of the last answered {@code refresh-ice-servers}; this connection's thread. */
    private long lastIceRefresh;
    private boolean refreshedIce;

    Session(String id, Connection connection, RateGuard rateGuard) {
        this.id = id;
        this.connection = connection;
        this.source = ConnectionLog.sourceOf(connection);
        this.rateGuard = rateGuard;
    }

    /** The peer this connection is, or null while it is in no room. */
    Peer peer() {
        return peer;
    }

    void peer(Peer value) {
        peer = value;
    }

    Observer observer() {
        return observer;
    }

    void observer(Observer value) {
        observer = value;
    }

    /** Whether a refresh now is at least {@code interval} after the last answered one; if so, it counts as one. */
    boolean tryRefreshIce(long nowNanos, long intervalNanos) {
        if (refreshedIce && nowNanos - lastIceRefresh < intervalNanos) {
            return false;
        }
        refreshedIce = true;
        lastIceRefresh = nowNanos;
        return true;
    }

    void send(String text) {
        connection.send(text);
    }
}
