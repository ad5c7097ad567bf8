package org.webrtcscratch.signaling;

import com.fasterxml.jackson.databind.JsonNode;

/** A message a browser sends to the server (docs/protocol.md, "Client → server"). */
public sealed interface ClientMessage {

    /** The client's own request id, echoed as {@code re} in an error that answers it; may be null. */
    JsonNode id();

    /** The {@code type} string on the wire. */
    String type();

    /** Enter a room; {@code resume} is a token from an earlier welcome, or null. */
    record Join(String room, String name, String resume, JsonNode id) implements ClientMessage {
        public String type() {
            return "join";
        }
    }

    /**
     * Relay {@code payload} (a description or a candidate) to peer {@code to} in the same room;
     * {@code payload} is the JSON object's text exactly as it arrived, already validated.
     */
    record Signal(String to, String payload, JsonNode id) implements ClientMessage {
        public String type() {
            return "signal";
        }
    }

    record Leave(JsonNode id) implements ClientMessage {
        public String type() {
            return "leave";
        }
    }

    record Ping(JsonNode id) implements ClientMessage {
        public String type() {
            return "ping";
        }
    }

    /**
     * Start ({@code enabled}) or stop being sent {@code server-event}s: what the server sees of this peer (its
     * relayed signals, its TURN allocations). Boxed so that "missing" is not read as false.
     */
    record Observe(Boolean enabled, JsonNode id) implements ClientMessage {
        public String type() {
            return "observe";
        }
    }

    /** Ask for fresh ICE servers (the TURN credentials expire); answered with {@code ice-servers}. */
    record RefreshIceServers(JsonNode id) implements ClientMessage {
        public String type() {
            return "refresh-ice-servers";
        }
    }
}
