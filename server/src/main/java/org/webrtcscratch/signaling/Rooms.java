package org.webrtcscratch.signaling;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * Who is in which room (membership only; reaching a peer is {@link Delivery}'s job). {@link MemoryRooms} keeps
 * this process's rooms; cluster mode will route each room to the node that holds it (docs/architecture.md,
 * "Scaling out"). Joins and departures of one room are serialised, and their announcements made in that order.
 */
public interface Rooms {

    /**
     * What a peer brings to a room beyond its name: the room's password, already checked by the caller
     * ({@code verified}, the very hash it was checked against, so that a room made again in the meantime is
     * not entered with the old one's password), or the hashed password for the room it makes
     * ({@code forNewRoom}); {@code returning} for a member back after a server restart, who passes the
     * password and the lock.
     */
    record Admission(RoomPassword verified, RoomPassword forNewRoom, boolean returning) {
        /** A new peer without a password. */
        public static final Admission NONE = new Admission(null, null, false);
    }

    /** Hands over a peer that has just entered, those already there (oldest first) and the room's state. */
    @FunctionalInterface
    interface Arrival {
        void accept(Peer peer, List<Peer> others, ServerMessage.RoomState state);
    }

    /**
     * Adds a new peer to {@code room}, creating the room if needed, and hands it, the others (oldest first) and
     * the room's state to {@code announce} before any other arrival or departure in that room, so that each
     * member learns of each other exactly once and of an arrival only after its own welcome. A name another
     * member has already (ignoring case) is made unique ({@link Names#unique}).
     *
     * @throws SignalingException {@code room-full}, {@code password-required}, {@code room-locked}, or
     *                            {@code server-busy} at the room limit
     */
    Peer join(String room, String name, Admission admission, Arrival announce);

    /**
     * Puts back a peer this process does not know, with the id and token it had before a server restart
     * (the caller has checked the token), as {@link #join} adds a new one, past the room's password and lock.
     * The first one back makes the room again, with {@code password} (hashed; null for none): the room's
     * password lived in the memory of the process that stopped.
     *
     * @return the peer, or null if a peer with that id is in the room already
     * @throws SignalingException {@code room-full}, or {@code server-busy} at the room limit
     */
    Peer restore(String room, String peerId, String name, String resumeToken, RoomPassword password,
                 Arrival announce);

    /**
     * The hashed password of {@code room}, or null when it has none or does not exist.
     */
    RoomPassword password(String room);

    /**
     * Locks or unlocks {@code peer}'s room and hands the new state and every member to {@code announce}, in
     * order with arrivals and departures.
     *
     * @throws SignalingException {@code not-room-host} unless {@code peer} is the room's host
     */
    void lock(Peer peer, boolean locked, BiConsumer<ServerMessage.RoomState, List<Peer>> announce);

    /** The state of {@code peer}'s room, for a peer that resumed. */
    ServerMessage.RoomState state(Peer peer);

    /** The peer {@code resumeToken} belongs to, if it is still in {@code room}; else null. */
    Peer resumable(String resumeToken, String room);

    /** The peer with {@code peerId} in {@code room}, or null. */
    Peer find(String room, String peerId);

    /** Everyone in {@code peer}'s room but {@code peer}, oldest first. */
    List<Peer> others(Peer peer);

    /**
     * Removes {@code peer} and hands those left to {@code announce}, serialised as {@link #join} is, with the
     * room's new state when {@code peer} was its host (else null); its room goes with its last peer. Nothing
     * happens if it had already gone.
     */
    void leave(Peer peer, BiConsumer<List<Peer>, ServerMessage.RoomState> announce);

    int roomCount();

    /** Peers in {@code room} now, including those away within their resume window; 0 for no such room. */
    int size(String room);

    /** Peers in rooms, including those away within their resume window. */
    int peerCount();
}
