package org.webrtcscratch.signaling;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.webrtcscratch.iceservers.IceServer;

/** A message the server sends to a browser (docs/protocol.md, "Server → client"). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ServerMessage.Welcome.class, name = "welcome"),
    @JsonSubTypes.Type(value = ServerMessage.PeerJoined.class, name = "peer-joined"),
    @JsonSubTypes.Type(value = ServerMessage.PeerLeft.class, name = "peer-left"),
    @JsonSubTypes.Type(value = ServerMessage.Relayed.class, name = "signal"),
    @JsonSubTypes.Type(value = ServerMessage.Pong.class, name = "pong"),
    @JsonSubTypes.Type(value = ServerMessage.Error.class, name = "error"),
    @JsonSubTypes.Type(value = ServerMessage.Closing.class, name = "closing"),
    @JsonSubTypes.Type(value = ServerMessage.ServerEvent.class, name = "server-event"),
    @JsonSubTypes.Type(value = ServerMessage.RoomState.class, name = "room-state"),
    @JsonSubTypes.Type(value = ServerMessage.IceServers.class, name = "ice-servers"),
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface ServerMessage {

    /** A peer as the others see it. */
    record PeerInfo(String peerId, String name) { }

    /**
     * {@code restored}: resumed across a server restart, see {@link ResumeTokens}. {@code iceServersTtl}: seconds
     * the credentials in {@code iceServers} stay good, or null when none expire.
     */
    record Welcome(String peerId, String room, String name, List<PeerInfo> peers, List<IceServer> iceServers,
                   String resumeToken, boolean resumed, boolean restored, Long iceServersTtl)
            implements ServerMessage {

        public Welcome(String peerId, String room, String name, List<PeerInfo> peers, List<IceServer> iceServers,
                       String resumeToken, boolean resumed, boolean restored) {
            this(peerId, room, name, peers, iceServers, resumeToken, resumed, restored, null);
        }
    }

    /** Fresh ICE servers, answering {@code refresh-ice-servers}; {@code iceServersTtl} as in {@link Welcome}. */
    record IceServers(List<IceServer> iceServers, Long iceServersTtl) implements ServerMessage { }

    record PeerJoined(PeerInfo peer) implements ServerMessage { }

    record PeerLeft(String peerId, LeaveReason reason) implements ServerMessage { }

    /**
     * A {@code signal} relayed to its target, {@code from} set by the server; {@code payload} is JSON text,
     * written into the frame as it is. {@link SignalingCodec} writes this frame itself, not through the mapper.
     */
    record Relayed(String from, String payload) implements ServerMessage { }

    record Pong() implements ServerMessage { }

    record Error(String code, String message, JsonNode re, String request) implements ServerMessage {
        static Error of(SignalingException e) {
            return new Error(e.code().wire(), e.getMessage(), e.requestId(), e.requestType());
        }
    }

    record Closing(String reason) implements ServerMessage { }

    /**
     * One thing the server saw of an observing peer; {@code event} is the JSON text of a {@link ServerSideEvent},
     * written into the frame as it is (like a relayed payload).
     */
    record ServerEvent(String event) implements ServerMessage { }

    /**
     * The room's access state, sent after each welcome and to everyone when it changes: whether it is
     * {@code locked} to new joins, which peer is its {@code host} (the one who may lock it: the oldest member),
     * and whether it has a {@code password}.
     */
    record RoomState(boolean locked, String host, boolean password) implements ServerMessage { }
}
