package org.webrtcscratch.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.webrtcscratch.signaling.Connection;
import org.webrtcscratch.signaling.Session;
import org.webrtcscratch.signaling.SignalingService;
import org.webrtcscratch.websocket.WebSocket;
import org.webrtcscratch.websocket.WebSocketEndpoint;
import org.webrtcscratch.websocket.WebSocketListener;

/**
 * The WebSocket {@code /ws}: moves messages between each socket and the {@link SignalingService}. No room
 * logic here.
 */
public final class SignalingEndpoint implements WebSocketEndpoint {

    private static final WebSocketListener REFUSED = new WebSocketListener() {
        @Override
        public void onText(String text) {
        }

        @Override
        public void onBinary(byte[] data) {
        }

        @Override
        public void onClose(int code) {
        }
    };

    private final SignalingService service;
    private final boolean addressLimitsOnLoopback;

    /** @param addressLimitsOnLoopback whether clients on loopback count under the per-address limits too */
    public SignalingEndpoint(SignalingService service, boolean addressLimitsOnLoopback) {
        this.service = service;
        this.addressLimitsOnLoopback = addressLimitsOnLoopback;
    }

    @Override
    public WebSocketListener onOpen(WebSocket socket) {
        Session session = service.open(new SocketConnection(socket, addressOf(socket)));
        return session == null ? REFUSED : new SessionListener(service, session);
    }

    private record SessionListener(SignalingService service, Session session) implements WebSocketListener {

        @Override
        public void onText(String text) {
            service.onText(session, text);
        }

        @Override
        public void onBinary(byte[] data) {
            service.onBinary(session);
        }

        @Override
        public void onClose(int code) {
            service.onClose(session, code);
        }
    }

    /** The IP address the per-address limits count the socket under, or null when exempt. */
    private String addressOf(WebSocket socket) {
        if (!(socket.remoteAddress() instanceof InetSocketAddress remote) || remote.getAddress() == null) {
            return null;
        }
        return limitedAddress(remote.getAddress(), addressLimitsOnLoopback);
    }

    /** The text the per-address limits count {@code address} under, or null when exempt (loopback, by default). */
    static String limitedAddress(InetAddress address, boolean addressLimitsOnLoopback) {
        return address.isLoopbackAddress() && !addressLimitsOnLoopback ? null : address.getHostAddress();
    }

    /** A WebSocket as the service's {@link Connection}. */
    private record SocketConnection(WebSocket socket, String address) implements Connection {

        @Override
        public void send(String text) {
            socket.sendText(text);
        }

        @Override
        public void whenDrained(Runnable then) {
            socket.whenDrained(then);
        }

        @Override
        public void close(int code, String reason) {
            socket.close(code, reason);
        }

        @Override
        public String remote() {
            return String.valueOf(socket.remoteAddress());
        }

        @Override
        public String host() {
            return socket.host();
        }
    }
}
