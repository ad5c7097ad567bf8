package org.webrtcscratch.signaling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A named set of peers, oldest first. Guarded by its own lock; the registry decides when rooms come and go. */
final class Room {

    final String name;
    private final Map<String, Member> members = new LinkedHashMap<>();

    Room(String name) {
        this.name = name;
    }

    /**
     * Adds {@code member} and hands {@code announce} everyone else, with no other arrival or departure in
     * between: each member then learns of each other exactly once (by the welcome or by peer-joined) and
     * hears of an arrival only after its own welcome. Announcements never wait on a slow peer
     * (a send writes what the socket takes now and queues the rest), so the lock is held briefly.
     */
    synchronized void admit(Member member, Consumer<List<Member>> announce) {
        members.put(member.peerId, member);
        announce.accept(others(member));
    }

    /** Removes {@code member} and hands {@code announce} those left, as {@link #admit} does; false if it had gone. */
    synchronized boolean remove(Member member, Consumer<List<Member>> announce) {
        if (!members.remove(member.peerId, member)) {
            return false;
        }
        announce.accept(others(member));
        return true;
    }

    synchronized Member member(String peerId) {
        return members.get(peerId);
    }

    synchronized int size() {
        return members.size();
    }

    synchronized boolean isEmpty() {
        return members.isEmpty();
    }

    /** Everyone but {@code self}, oldest first. */
    synchronized List<Member> others(Member self) {
        List<Member> others = new ArrayList<>(members.size());
        for (Member member : members.values()) {
            if (member != self) {
                others.add(member);
            }
        }
        return others;
    }
}
