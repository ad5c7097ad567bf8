package org.webrtcscratch.signaling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A named set of peers, oldest first. Guarded by its own lock; {@link MemoryRooms} decides when rooms come and go. */
final class Room {

    private final Map<String, Peer> members = new LinkedHashMap<>();

    /**
     * Adds {@code peer} and hands {@code announce} everyone else, with no other arrival or departure in
     * between (see {@link Rooms#join}). Announcements never wait on a slow peer (a send writes what the
     * socket takes now and queues the rest), so the lock is held briefly.
     */
    synchronized void admit(Peer peer, Consumer<List<Peer>> announce) {
        members.put(peer.peerId(), peer);
        announce.accept(others(peer));
    }

    /** Removes {@code peer} and hands {@code announce} those left, as {@link #admit} does, unless it had gone. */
    synchronized void remove(Peer peer, Consumer<List<Peer>> announce) {
        if (members.remove(peer.peerId(), peer)) {
            announce.accept(others(peer));
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
