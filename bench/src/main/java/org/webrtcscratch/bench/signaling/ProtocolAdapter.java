package org.webrtcscratch.bench.signaling;

import java.time.Duration;

/**
 * What the load generator needs to know of one signaling protocol: how a client connects and registers,
 * how it sends a signal to another peer, how it recognises a relayed one, and how it keeps alive. Pure:
 * strings in, strings out.
 *
 * <p>Every signal carries the bench's own fields {@code bseq} (a sequence number) and {@code bt} (the send
 * time in nanoseconds since the run began) inside its payload, which both servers relay untouched.
 * {@code bt} stays far below 2^53 so that PeerJS server's JavaScript numbers keep it exact.
 */
public sealed interface ProtocolAdapter permits OurProtocol, PeerJsProtocol {

    /** A short name for tables: "ours", "peerjs". */
    String name();

    /** The WebSocket request target (path and query) for client {@code clientId}. */
    String target(String clientId);

    /** The message to send as soon as the WebSocket is open, or null when opening is registering. */
    String onOpen(String clientId, String group);

    /** This client's peer id if {@code text} is the server saying it is registered, else null. */
    String registeredPeerId(String text, String clientId);

    /** True when {@code text} is the server refusing something: a benchmark must not count it as traffic. */
    boolean isError(String text);

    /** A signal (an ICE-candidate-shaped payload, like most of a real call's messages) to {@code toPeerId}. */
    String signal(String toPeerId, long seq, long sentNanos);

    /** The bench fields of a relayed signal, or null when {@code text} is something else. */
    Relayed relayed(String text);

    /** The application-level keep-alive this protocol's browser client sends, or null. */
    String keepAlive();

    /** How often the real browser client sends {@link #keepAlive()}. */
    Duration keepAliveInterval();

    /** The bench fields found in a relayed signal. */
    record Relayed(long seq, long sentNanos) { }

    /**
     * The payload fields both adapters send (an end-of-gathering-sized candidate plus the bench fields), so
     * both servers carry nearly the same bytes.
     */
    static String benchPayloadFields(long seq, long sentNanos) {
        return "\"candidate\":{\"candidate\":\"candidate:842163049 1 udp 1677729535 127.0.0.1 50000 typ srflx"
                + " raddr 0.0.0.0 rport 0 generation 0 ufrag bEnc network-cost 999\",\"sdpMid\":\"0\","
                + "\"sdpMLineIndex\":0,\"usernameFragment\":\"bEnc\"},\"bseq\":" + seq + ",\"bt\":" + sentNanos;
    }

    /** Reads the bench fields back; null when they are absent. */
    static Relayed parseBenchFields(String text) {
        long seq = longField(text, "\"bseq\":");
        long sent = longField(text, "\"bt\":");
        return seq < 0 || sent < 0 ? null : new Relayed(seq, sent);
    }

    private static long longField(String text, String key) {
        int at = text.indexOf(key);
        if (at < 0) {
            return -1;
        }
        long value = 0;
        int digits = 0;
        for (int i = at + key.length(); i < text.length(); i++, digits++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            value = value * 10 + (c - '0');
        }
        return digits == 0 ? -1 : value;
    }
}
