package org.webrtcscratch.bench.signaling;

import java.time.Duration;

/**
 * PeerJS server's protocol (npm package {@code peer} 1.0.x): connect to
 * {@code /peerjs?key=peerjs&id=ID&token=TOKEN}; the server answers {@code {"type":"OPEN"}}; a client sends
 * {@code {type: OFFER|ANSWER|CANDIDATE, dst, payload}} and the peer receives the same object with
 * {@code src} added; {@code {"type":"HEARTBEAT"}} keeps the connection alive.
 */
public record PeerJsProtocol() implements ProtocolAdapter {

    private static final String TOKEN = "benchtoken";

    @Override
    public String name() {
        return "peerjs";
    }

    @Override
    public String target(String clientId) {
        return "/peerjs?key=peerjs&id=" + clientId + "&token=" + TOKEN;
    }

    /** PeerJS registers a client by its connection URL: nothing to send. */
    @Override
    public String onOpen(String clientId, String group) {
        return null;
    }

    @Override
    public String registeredPeerId(String text, String clientId) {
        return text.startsWith("{\"type\":\"OPEN\"") ? clientId : null;
    }

    @Override
    public boolean isError(String text) {
        return text.startsWith("{\"type\":\"ERROR\"") || text.startsWith("{\"type\":\"ID-TAKEN\"")
                || text.startsWith("{\"type\":\"EXPIRE\"");
    }

    /** The payload is shaped like the PeerJS browser client's candidate message. */
    @Override
    public String signal(String toPeerId, long seq, long sentNanos) {
        return "{\"type\":\"CANDIDATE\",\"dst\":\"" + toPeerId + "\",\"payload\":{"
                + ProtocolAdapter.benchPayloadFields(seq, sentNanos)
                + ",\"type\":\"data\",\"connectionId\":\"dc_bench\"}}";
    }

    @Override
    public Relayed relayed(String text) {
        return text.startsWith("{\"type\":\"CANDIDATE\"") ? ProtocolAdapter.parseBenchFields(text) : null;
    }

    @Override
    public String keepAlive() {
        return "{\"type\":\"HEARTBEAT\"}";
    }

    /** The PeerJS browser client's default pingInterval is 5 s. */
    @Override
    public Duration keepAliveInterval() {
        return Duration.ofSeconds(5);
    }
}
