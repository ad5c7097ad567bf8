package org.webrtcscratch.signaling;

import com.fasterxml.jackson.databind.JsonNode;

/** A message a browser sends to the server (docs/protocol.md, "Client → server"). */
public sealed interface ClientMessage {

    /** The client's own request id, echoed as {@code re} in an error that answers it; may be null. */
    JsonNode id();

    /** The {@code type} string on the wire. */
    String type();

    /**
     * Enter a room; {@code resume} is a token from an earlier welcome, or null. {@code password} is the room's
     * password (set by the join that creates the room), or null; {@code token} a signed join token
     * ({@link JoinTokens}), or null.
     */
    record Join(String room, String name, String resume, String password, String token, JsonNode id)
            implements ClientMessage {
        public String type() {
            return "join";
        }

        /** Without the secrets (resume token, password, join token): a message may be logged. */
        @Override
        public String toString() {
            return "Join[room=" + room + ", name=" + name + ", resume=" + (resume == null ? "none" : "set")
                    + ", password=" + (password == null ? "none" : "set") + ", token="
                    + (token == null ? "none" : "set") + ", id=" + id + "]";
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

    /** Lock ({@code locked}) or unlock the sender's room to new joins; only its host may. Boxed as in Observe. */
    record Lock(Boolean locked, JsonNode id) implements ClientMessage {
        public String type() {
            return "lock";
        }
    }

    /** Ask for fresh ICE servers (the TURN credentials expire); answered with {@code ice-servers}. */
    record RefreshIceServers(JsonNode id) implements ClientMessage {
        public String type() {
            return "refresh-ice-servers";
        }
    }
}
