package org.webrtcscratch.signaling;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A named set of peers, oldest first, and who may enter it: its password (set by the join that made it) and
 * whether its host has locked it. Guarded by its own lock; {@link MemoryRooms} decides when rooms come and go.
 */
final class Room {

    private final Map<String, Peer> members = new LinkedHashMap<>();
    /** Null for a room without a password. */
    private final RoomPassword password;
    private boolean locked;

    Room(RoomPassword password) {
        this.password = password;
    }

    RoomPassword password() {
        return password;
    }

    /**
     * The peer that may lock the room: its oldest member, which is the one that made it until that one leaves,
     * then the next oldest. Null for an empty room.
     */
    synchronized Peer host() {
        return members.isEmpty() ? null : members.values().iterator().next();
    }

    synchronized boolean locked() {
        return locked;
    }

    /**
     * Locks or unlocks the room if {@code peer} is its host, and hands {@code announce} the new state and
     * everyone in the room, before any other arrival or departure.
     *
     * @throws SignalingException {@code not-room-host}
     */
    synchronized void lock(Peer peer, boolean value, BiConsumer<ServerMessage.RoomState, List<Peer>> announce) {
        Peer host = host();
        if (host == null || !host.peerId().equals(peer.peerId())) {
            throw new SignalingException(ErrorCode.NOT_ROOM_HOST, "only the room's host"
                    + (host == null ? "" : ", " + host.name() + ",") + " may lock or unlock it");
        }
        locked = value;
        announce.accept(state(), new ArrayList<>(members.values()));
    }

    synchronized ServerMessage.RoomState state() {
        Peer host = host();
        return new ServerMessage.RoomState(locked, host == null ? null : host.peerId(), password != null);
    }

    /** {@code name}, or it made unique among the members' names ({@link Names#unique}). */
    synchronized String uniqueName(String name) {
        Set<String> taken = new HashSet<>();
        for (Peer member : members.values()) {
            taken.add(Names.comparisonKey(member.name()));
        }
        return Names.unique(name, taken::contains);
    }

    /**
     * Adds {@code peer} and hands {@code announce} everyone else, with no other arrival or departure in
     * between (see {@link Rooms#join}). Announcements never wait on a slow peer (a send writes what the
     * socket takes now and queues the rest), so the lock is held briefly.
     */
    synchronized void admit(Peer peer, Rooms.Arrival announce) {
        members.put(peer.peerId(), peer);
        announce.accept(peer, others(peer), state());
    }

    /**
     * Removes {@code peer} and hands {@code announce} those left, as {@link #admit} does, unless it had gone;
     * with the room's new state when the host changed, else null.
     */
    synchronized void remove(Peer peer, BiConsumer<List<Peer>, ServerMessage.RoomState> announce) {
        boolean wasHost = peer.equals(host());
        if (members.remove(peer.peerId(), peer)) {
            announce.accept(others(peer), wasHost && !members.isEmpty() ? state() : null);
        }
    }

    synchronized Peer member(String peerId) {
        return members.get(peerId);
    }

    synchronized int size() {
        return members.size();
    }

    synchronized boolean isEmpty() {
        return members.isEmpty();
    }

    /** Everyone but {@code self}, oldest first. */
    synchronized List<Peer> others(Peer self) {
        List<Peer> others = new ArrayList<>(members.size());
        for (Peer member : members.values()) {
            if (!member.peerId().equals(self.peerId())) {
                others.add(member);
            }
        }
        return others;
    }
}
