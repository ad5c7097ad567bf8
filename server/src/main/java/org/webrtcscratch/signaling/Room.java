package org.webrtcscratch.signaling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A named set of peers, oldest first. Guarded by its own lock; the registry decides when rooms come and go. */
final class Room {

    final String name;
    private final Map<String, Member> members = new LinkedHashMap<>();

    Room(String name) {
        this.name = name;
    }

    synchronized void add(Member member) {
        members.put(member.peerId, member);
    }

    synchronized boolean remove(Member member) {
        return members.remove(member.peerId, member);
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
