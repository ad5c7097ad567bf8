package org.webrtcscratch.websocket;

import java.net.SocketAddress;

/** One open WebSocket as the application sees it. Safe to use from any thread. */
public interface WebSocket {

    /** Queues a text message; never blocks. Ignored once the socket is closing. */
    void sendText(String text);

    /**
     * Runs {@code then} once everything sent so far has been written to the network (at once when nothing is
     * waiting), on whichever thread finished the write; never once the socket is closing. One at a time.
     */
    void whenDrained(Runnable then);

    /** Starts the closing handshake (§7.1.2) with {@code code} and {@code reason}. */
    void close(int code, String reason);

    SocketAddress remoteAddress();

    /** The Host header of the upgrade request: the name or address the client reached the server by. */
    String host();
}
