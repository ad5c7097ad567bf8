package org.webrtcscratch.signaling;

/**
 * One client's transport, as the signaling logic sees it: a WebSocket in the server, something else in
 * tests. Implementations must allow {@link #send} from any thread.
 */
public interface Connection {

    /** Queues one text frame; never blocks. */
    void send(String text);

    /**
     * Runs {@code then} once everything sent so far has gone out (at once when nothing waits), and never once
     * the connection is closing: a held backlog goes out a batch at a time through it. The default, for
     * transports without a queue of their own, runs it at once.
     */
    default void whenDrained(Runnable then) {
        then.run();
    }

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
