package org.webrtcscratch.signaling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One info line for each step of a connection's life (opened, joined, left, closed), each with the connection's
 * id ({@code conn}) and its client's address ({@code source}) as key-value pairs: a JSON log has them as fields,
 * and the per-address log limit counts lines by {@code source}. Never a resume token, a credential or a room
 * name (a private room's name is what lets one in): a peer id says who, the id which connection.
 */
final class ConnectionLog {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLog.class);

    private ConnectionLog() {
    }

    static void opened(Session session) {
        LOG.atInfo().addKeyValue("conn", session.id).addKeyValue("source", session.source)
                .log("connection {} opened from {}", session.id, session.connection.remote());
    }

    static void joined(Session session, Peer peer) {
        if (peer == null) {
            return;
        }
        LOG.atInfo().addKeyValue("conn", session.id).addKeyValue("source", session.source)
                .addKeyValue("peer", peer.peerId())
                .log("connection {} joined as peer {}", session.id, peer.peerId());
    }

    static void left(Session session, Peer peer) {
        LOG.atInfo().addKeyValue("conn", session.id).addKeyValue("source", session.source)
                .addKeyValue("peer", peer.peerId())
                .log("connection {}: peer {} left", session.id, peer.peerId());
    }

    static void closed(Session session, int code) {
        Peer peer = session.peer();
        LOG.atInfo().addKeyValue("conn", session.id).addKeyValue("source", session.source)
                .addKeyValue("code", code)
                .log("connection {} closed with code {} ({}){}", session.id, code, meaning(code),
                        peer == null ? "" : ", peer " + peer.peerId());
    }

    static void expelled(Session session, String why) {
        LOG.atInfo().addKeyValue("conn", session.id).addKeyValue("source", session.source)
                .log("closing connection {} from {}: {}", session.id, session.connection.remote(), why);
    }

    /** The client's IP address, from the connection's remote address ({@code /192.0.2.1:5000}, {@code /[::1]:5000}). */
    static String sourceOf(Connection connection) {
        String address = connection.address();
        if (address != null) {
            return address;
        }
        String remote = connection.remote();
        if (remote == null || remote.equals("null")) {
            return "unknown";
        }
        int slash = remote.indexOf('/');
        String hostAndPort = slash < 0 ? remote : remote.substring(slash + 1);
        int colon = hostAndPort.lastIndexOf(':');
        String host = colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** RFC 6455 §7.4.1's codes, and ours, in words. */
    private static String meaning(int code) {
        return switch (code) {
            case 1000 -> "normal";
            case 1001 -> "going away";
            case 1006 -> "dropped without a close frame";
            case 1008 -> "policy violation";
            case 1009 -> "message too big";
            case 1011 -> "server error";
            case 1013 -> "server busy";
            case 4000 -> "client gave up on a silent server";
            default -> "other";
        };
    }
}
