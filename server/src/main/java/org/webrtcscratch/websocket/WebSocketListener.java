package org.webrtcscratch.websocket;

/**
 * The application's side of one WebSocket. Calls for one socket come one at a time, in order, from whichever
 * thread read its frames.
 */
public interface WebSocketListener {

    void onText(String text);

    void onBinary(byte[] data);

    /**
     * The socket is closed: {@code code} is the first close frame's (whoever sent it), or
     * {@link CloseCodes#ABNORMAL} if it ended without one. Called exactly once.
     */
    void onClose(int code);
}
