package org.webrtcscratch.signaling;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Who is in which room (membership only; reaching a peer is {@link Delivery}'s job). {@link MemoryRooms} keeps
 * this process's rooms; cluster mode will route each room to the node that holds it (docs/architecture.md,
 * "Scaling out"). Joins and departures of one room are serialised, and their announcements made in that order.
 */
public interface Rooms {

    /**
     * Adds a new peer to {@code room}, creating the room if needed, and hands it and the others (oldest first)
     * to {@code announce} before any other arrival or departure in that room, so that each member learns of each
     * other exactly once and of an arrival only after its own welcome.
     *
     * @throws SignalingException {@code room-full}, or {@code server-busy} at the room limit
     */
    Peer join(String room, String name, BiConsumer<Peer, List<Peer>> announce);

    /**
     * Puts back a peer this process does not know, with the id and token it had before a server restart
     * (the caller has checked the token), as {@link #join} adds a new one.
     *
     * @return the peer, or null if a peer with that id is in the room already
     * @throws SignalingException {@code room-full}, or {@code server-busy} at the room limit
     */
    Peer restore(String room, String peerId, String name, String resumeToken, BiConsumer<Peer, List<Peer>> announce);

    /** The peer {@code resumeToken} belongs to, if it is still in {@code room}; else null. */
    Peer resumable(String resumeToken, String room);

    /** The peer with {@code peerId} in {@code room}, or null. */
    Peer find(String room, String peerId);

    /** Everyone in {@code peer}'s room but {@code peer}, oldest first. */
    List<Peer> others(Peer peer);

    /**
     * Removes {@code peer} and hands those left to {@code announce}, serialised as {@link #join} is; its room
     * goes with its last peer. Nothing happens if it had already gone.
     */
    void leave(Peer peer, Consumer<List<Peer>> announce);

    int roomCount();

    /** Peers in {@code room} now, including those away within their resume window; 0 for no such room. */
    int size(String room);

    /** Peers in rooms, including those away within their resume window. */
    int peerCount();
}
