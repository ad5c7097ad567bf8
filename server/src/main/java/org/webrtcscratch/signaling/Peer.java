package org.webrtcscratch.signaling;

/**
 * A peer in a room: who it is, not how to reach it ({@link Delivery} does that). Its id is server-assigned and
 * unguessable; {@code resumeToken} is the secret that lets it take its place back after a dropped connection.
 */
public record Peer(String peerId, String name, String room, String resumeToken) {

    ServerMessage.PeerInfo info() {
        return new ServerMessage.PeerInfo(peerId, name);
    }
}
