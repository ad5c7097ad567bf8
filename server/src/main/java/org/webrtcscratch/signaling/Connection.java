package org.webrtcscratch.signaling;

/**
 * One client's transport, as the signaling logic sees it: a WebSocket in the server, something else in
 * tests. Implementations must allow {@link #send} from any thread.
 */
public interface Connection {

    /** Queues one text frame; never blocks. */
    void send(String text);

    /** Closes with a WebSocket close code and reason. */
    void close(int code, String reason);

    /** The remote address, for logs. */
    String remote();

    /**
     * The Host header of the request that opened the connection (the name or address the client reached
     * the server by, maybe with a port), or null when unknown.
     */
    String host();

    /**
     * The remote IP address the per-address limits count this connection under, or null when none applies
     * (a client the transport trusts, such as a reverse proxy on this machine).
     */
    default String address() {
        return null;
    }
}
