package org.webrtcscratch.bench.ws;

/** What a {@link WsEventLoop} reports; called on the loop's thread. */
public interface WsListener {

    /** The upgrade succeeded; the connection can send. */
    void onOpen(WsConnection connection);

    /** A text message (the bench protocols are ASCII JSON, decoded as ISO-8859-1 to skip UTF-8 work). */
    void onText(WsConnection connection, String text);

    /** The connection is gone: refused, reset or closed by the server. */
    void onClosed(WsConnection connection, String reason);
}
