package org.webrtcscratch.websocket;

/** What a WebSocket path serves: given each new socket, returns the listener for its messages. */
@FunctionalInterface
public interface WebSocketEndpoint {

    /** Called once the handshake is done, before any message; the socket may be closed at once. */
    WebSocketListener onOpen(WebSocket socket);
}
