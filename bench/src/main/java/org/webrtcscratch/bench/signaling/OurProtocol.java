package org.webrtcscratch.bench.signaling;

import java.time.Duration;

/**
 * Our signaling protocol (docs/protocol.md): connect to {@code /ws}, {@code join} a room, wait for
 * {@code welcome {peerId}}; {@code signal {to, payload}} arrives as {@code signal {from, payload}}.
 */
public record OurProtocol() implements ProtocolAdapter {

    private static final String PEER_ID_KEY = "\"peerId\":\"";

    @Override
    public String name() {
        return "ours";
    }

    @Override
    public String target(String clientId) {
        return "/ws";
    }

    @Override
    public String onOpen(String clientId, String group) {
        return "{\"type\":\"join\",\"room\":\"" + group + "\",\"name\":\"" + clientId + "\"}";
    }

    /** The welcome's own {@code peerId} is the first one: it precedes {@code peers} (docs/protocol.md). */
    @Override
    public String registeredPeerId(String text, String clientId) {
        if (!text.startsWith("{\"type\":\"welcome\"")) {
            return null;
        }
        int start = text.indexOf(PEER_ID_KEY);
        if (start < 0) {
            throw new IllegalArgumentException("welcome without peerId: " + text);
        }
        start += PEER_ID_KEY.length();
        return text.substring(start, text.indexOf('"', start));
    }

    @Override
    public boolean isError(String text) {
        return text.startsWith("{\"type\":\"error\"");
    }

    @Override
    public String signal(String toPeerId, long seq, long sentNanos) {
        return "{\"type\":\"signal\",\"to\":\"" + toPeerId + "\",\"payload\":{"
                + ProtocolAdapter.benchPayloadFields(seq, sentNanos) + "}}";
    }

    @Override
    public Relayed relayed(String text) {
        return text.startsWith("{\"type\":\"signal\"") ? ProtocolAdapter.parseBenchFields(text) : null;
    }

    @Override
    public String keepAlive() {
        return "{\"type\":\"ping\"}";
    }

    /** web/js/signaling.js pings every 10 s. */
    @Override
    public Duration keepAliveInterval() {
        return Duration.ofSeconds(10);
    }
}
